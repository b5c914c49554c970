// Site search: tokenizer, index and ranking, shared by the header search box and the agent lookup.
// The tokenizer is this file alone; its rules are described in site_build/finish/search_tokens.py, whose
// stop-word lists come inside index.json (one copy). Pure functions except
// loadSearch(), so Node runs the same code to score the public query set (site_build/finish/search_eval.py).

import { siteRoot } from "../site_root.js";

const RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+/g;
const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]/;

export function normalise(text) {
  return (text || "").normalize("NFKC").toLowerCase();
}

/** Indexed tokens of a text: Han unigrams + bigrams, whole ASCII words (repeats kept). */
export function documentTokens(text) {
  const tokens = [];
  for (const run of normalise(text).match(RUN) || []) {
    if (!HAN.test(run)) { tokens.push(run); continue; }
    const chars = [...run];
    tokens.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  return tokens;
}

/** The query's runs with function words cut out (longest match; keep-words win). */
export function queryPieces(text, rules) {
  const stop = new Set(rules.stop);
  const words = [...rules.stop, ...rules.keep].sort((a, b) => [...b].length - [...a].length);
  const pieces = [];
  for (const run of normalise(text).match(RUN) || []) {
    if (!HAN.test(run)) { pieces.push(run); continue; }
    let current = "";
    let i = 0;
    while (i < run.length) {
      const word = words.find((w) => run.startsWith(w, i));
      if (word !== undefined && stop.has(word)) {
        if (current) pieces.push(current);
        current = "";
        i += word.length;
      } else {
        const step = word || run[i];
        current += step;
        i += step.length;
      }
    }
    if (current) pieces.push(current);
  }
  return pieces;
}

/** Distinct [term, weight] pairs a query looks up: bigrams (1) and characters (rules.unigram_weight)
 *  of each Han piece, also of a one-character piece; an ASCII word weighs 1. */
export function queryTerms(text, rules) {
  const weights = new Map();
  for (const piece of queryPieces(text, rules)) {
    const chars = [...piece];
    if (HAN.test(piece) && chars.length > 1) {
      for (let i = 0; i + 1 < chars.length; i++) weights.set(chars[i] + chars[i + 1], 1);
      for (const char of chars) if (!weights.has(char)) weights.set(char, rules.unigram_weight);
    } else if (HAN.test(piece)) {
      weights.set(piece, Math.max(weights.get(piece) || 0, rules.unigram_weight));
    } else {
      weights.set(piece, 1);
    }
  }
  return [...weights];
}

// Body-like fields share one length-normalised (BM25) score; the hidden keywords weigh double.
const FIELDS = [["keys", 2], ["context", 1], ["body", 1]];
// A query word in the title counts this much, whatever the section's length.
const TITLE_WEIGHT = 1.5;
// Answers (FAQ, fee, route, office, timeline, contact) outrank the notice text they restate.
const KIND_BOOST = { answer: 1.6, term: 0.8, clause: 1, page: 0.5 };
// A query that asks for a phone, a date, an amount … (rules.intents) is answered by a section that
// prints one: such a section counts this much more than one that only talks about the subject.
const SHAPE_BOOST = 2;
// A query that names a notice (大数据局联系电话): the sections of the notices it names count this much more, and
// another notice's this much less; sections about every notice (FAQ, glossary) stay as they are.
const NAMED_BOOST = 2;
// The shortest run of a notice's short title that names it (大数据, 制造业).
const NAME_RUN = 3;
const K1 = 1.2;
const B = 0.75;

/** Inverted index over index.json's documents: token -> {docs: [n…], freqs: [weighted count…]}. */
export function buildIndex(data) {
  const shortTitles = (data.rules.notices || []).map((names) => names[0]);
  const docs = data.docs.map(([url, title, context, kind, body, keys]) => ({
    url, title, context, kind, body, keys,
    // The notice the section belongs to (its title or a part of its context is the notice's short
    // title, search_index._named), or -1: about several notices, or serving all (the office list).
    notice: shortTitles.findIndex((name) => title.includes(name) || context.split(" · ").includes(name)),
  }));
  const postings = new Map();
  // Documents are added in order, so a token's last posting is the current document's.
  const add = (token, n, weight) => {
    let list = postings.get(token);
    if (!list) postings.set(token, (list = { docs: [], freqs: [] }));
    const last = list.docs.length - 1;
    if (list.docs[last] === n) list.freqs[last] += weight;
    else { list.docs.push(n); list.freqs.push(weight); }
  };
  const titles = docs.map((doc) => new Set(documentTokens(doc.title)));
  const lengths = [];
  docs.forEach((doc, n) => {
    let length = 0;
    for (const [field, weight] of FIELDS) {
      const tokens = documentTokens(doc[field]);
      if (field === "body") length = tokens.length;
      for (const token of tokens) add(token, n, weight);
    }
    for (const token of titles[n]) add(token, n, 0);   // title-only words still count in df and coverage
    lengths.push(length);
  });
  const ascii = [...postings.keys()].filter((t) => !HAN.test(t));
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { rules: data.rules, docs, postings, titles, lengths, averageLength, ascii };
}

function termPostings(index, term) {
  if (HAN.test(term)) return index.postings.get(term);
  // Letters and digits match by prefix: 5852 → 58520665, wz → wzq.
  const merged = new Map();
  for (const token of index.ascii) {
    if (!token.startsWith(term)) continue;
    const { docs, freqs } = index.postings.get(token);
    docs.forEach((n, i) => merged.set(n, Math.max(merged.get(n) || 0, freqs[i])));
  }
  return merged.size ? { docs: [...merged.keys()], freqs: [...merged.values()] } : undefined;
}

function inTitle(index, n, term) {
  if (HAN.test(term)) return index.titles[n].has(term);
  for (const token of index.titles[n]) if (token.startsWith(term)) return true;
  return false;
}

/** Longest run of the query (function words included) printed in the title: 评审费怎么交. */
function sharedRun(query, title) {
  let best = 0;
  for (let i = 0; i < query.length; i++) {
    for (let j = query.length; j > i + best; j--) {
      if (title.includes(query.slice(i, j))) { best = j - i; break; }
    }
  }
  return best;
}

/** The notices a query names (a Set, empty when it names none): the notices whose short title holds
 *  a run of NAME_RUN of its characters (大数据局 → the 大数据 notices; 制造业), or whose names print one
 *  of its numbers (2023, 211号). A clue every notice shares names nothing; several clues name the
 *  notices they agree on, and clues that disagree (2023 大数据) name none. A doc number's letters are
 *  no name: 职改办 is every district's office too. */
export function namedNotices(query, rules) {
  const names = (rules.notices || []).map((list) => list.map(normalise));
  const holders = (has) => names.flatMap((list, n) => (has(list) ? [n] : []));
  let named = null;
  for (const piece of queryPieces(query, rules)) {
    const clues = [];
    if (HAN.test(piece)) {
      const chars = [...piece];
      for (let i = 0; i + NAME_RUN <= chars.length; i++) {
        const run = chars.slice(i, i + NAME_RUN).join("");
        clues.push(holders((list) => list[0].includes(run)));
      }
    } else {
      clues.push(holders((list) => list.some((name) => (name.match(/[a-z0-9]+/g) || []).includes(piece))));
    }
    for (const notices of clues) {
      if (!notices.length || notices.length === names.length) continue;
      named = named ? new Set(notices.filter((n) => named.has(n))) : new Set(notices);
    }
  }
  return named || new Set();
}

/** Ranked sections for a query: [{doc, score, terms}], best first. */
export function rank(index, query, limit = 10) {
  const terms = queryTerms(query, index.rules);
  if (!terms.length) return [];
  const total = index.docs.length;
  const scores = new Map();     // doc number -> {sum, covered}
  let allWeight = 0;
  for (const [term, weight] of terms) {
    const list = termPostings(index, term);
    const df = list ? list.docs.length : 0;
    const idf = weight * Math.log(1 + (total - df + 0.5) / (df + 0.5));
    allWeight += idf;
    if (!list) continue;
    for (let i = 0; i < df; i++) {
      const n = list.docs[i];
      const f = list.freqs[i];
      const norm = K1 * (1 - B + (B * index.lengths[n]) / index.averageLength);
      const entry = scores.get(n) || { sum: 0, covered: 0 };
      entry.sum += (idf * f * (K1 + 1)) / (f + norm) + (inTitle(index, n, term) ? idf * TITLE_WEIGHT : 0);
      entry.covered += idf;
      scores.set(n, entry);
    }
  }
  const plain = normalise(query).replace(/[^\u3400-\u4dbf\u4e00-\u9fffa-z0-9]/g, "");
  const shapeSource = answerShapeSource(index.rules, query);
  const shape = shapeSource ? new RegExp(shapeSource, "u") : null;
  const named = namedNotices(query, index.rules);
  const results = [];
  for (const [n, { sum, covered }] of scores) {
    const doc = index.docs[n];
    const coverage = covered / allWeight;
    const run = sharedRun(plain, normalise(doc.title));
    const phrase = run >= 3 ? (1 + run / plain.length) ** 2 : 1;
    const answers = shape && shape.test(doc.body) ? SHAPE_BOOST : 1;
    const notice = !named.size || doc.notice === -1 ? 1 : named.has(doc.notice) ? NAMED_BOOST : 1 / NAMED_BOOST;
    const score = sum * coverage * coverage * phrase * answers * notice * (KIND_BOOST[doc.kind] || 1);
    results.push({ doc, score, terms: terms.map(([t]) => t), query });
  }
  results.sort((a, b) => b.score - a.score);
  return results.slice(0, limit);
}

const SENTENCE_END = /(?<=[。；！？])/u;
// A sentence of the shape the question asks for (a phone for 电话, an amount for 多少钱) outweighs
// any number of matching words.
const SHAPE_BONUS = 2;
// Another notice's sentence joins the snippet when it scores at least this share of the best one.
const OTHER_NOTICE_SHARE = 0.5;

/** The shape (a RegExp source) of an answer to the query, from the index's intents, or null. */
function answerShapeSource(rules, query) {
  const plain = normalise(query);
  const intent = (rules.intents || []).find((i) => i.words.some((w) => plain.includes(w)));
  return intent ? intent.shape : null;
}

/** The section's sentences, each with the notice its line speaks for (a line that starts with a
 *  notice's name opens that notice's part; the lines after it belong to it) and its line number.
 *  A citation printed after a sentence's 。 stays with that sentence. */
function sentencesOf(body, rules) {
  const names = rules.notices || [];
  const out = [];
  let notice = -1;
  body.split("\n").forEach((line, lineNumber) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const opens = names.findIndex((list) => list.some((name) => trimmed.startsWith(name)));
    if (opens !== -1) notice = opens;
    const pieces = [];
    for (const piece of trimmed.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean)) {
      if (pieces.length && /^[（(]/u.test(piece)) pieces[pieces.length - 1] += piece;
      else pieces.push(piece);
    }
    pieces.forEach((text, i) => out.push({ text, notice, line: lineNumber, named: opens !== -1 && i === 0 }));
  });
  return out;
}

function rarity(index, term) {
  return 1 / Math.log(2 + (index.postings.get(term)?.docs.length || 1));
}

function sentenceScore(index, terms, shape, text) {
  const tokens = new Set(documentTokens(text));
  let score = 0;
  for (const term of terms) {
    if (tokens.has(term) || (!HAN.test(term) && [...tokens].some((t) => t.startsWith(term)))) {
      score += term.length === 1 && HAN.test(term) ? rarity(index, term) / 10 : rarity(index, term);   // characters only break ties
    }
  }
  return score + (shape && shape.test(text) ? SHAPE_BONUS : 0);
}

/** At most maxChars of a text, from a little before the answer (shape) or the query's rarest word. */
function excerpt(index, text, terms, shape, maxChars) {
  if (text.length <= maxChars) return text;
  const lower = normalise(text);
  let at = shape ? text.search(shape) : -1;
  if (at === -1) {
    const words = terms.filter((t) => (t.length > 1 || !HAN.test(t)) && lower.includes(t))
      .sort((a, b) => rarity(index, b) - rarity(index, a));
    at = words.length ? lower.indexOf(words[0]) : 0;
  }
  const start = Math.max(0, Math.min(at - 30, text.length - maxChars));
  return (start > 0 ? "…" : "") + text.slice(start, start + maxChars) + (start + maxChars < text.length ? "…" : "");
}

/** The sentence of a section that answers the query (the phone for a phone question), with the
 *  spans to highlight. Where the section speaks for several notices and another notice's best
 *  sentence answers nearly as well, that one is shown too; each part is named by its notice. */
export function snippet(index, result, maxChars = 140) {
  const rules = index.rules;
  const sentences = sentencesOf(result.doc.body, rules);
  if (!sentences.length) return { text: "", marks: [] };
  const page = result.doc.url.split("/")[0];
  // What the query asks for; else, when the query only restates the section's own question (an FAQ
  // title holding all its words), what that question asks; else what its page answers with.
  const title = normalise(result.doc.title);
  const restates = result.terms.every((t) => (t.length < 2 && HAN.test(t)) || title.includes(t));
  const shapeSource = answerShapeSource(rules, result.query || "")
    || (restates ? answerShapeSource(rules, result.doc.title) : null) || (rules.page_shapes || {})[page];
  const shape = shapeSource ? new RegExp(shapeSource, "u") : null;
  const scored = sentences.map((s, at) => ({ ...s, at, score: sentenceScore(index, result.terms, shape, s.text) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  if (!best.score) {       // found by a hidden keyword (wz): the section's opening
    const text = excerpt(index, sentences.map((s) => s.text).join(" "), result.terms, shape, maxChars);
    return { text, marks: markSpans(text, result.terms) };
  }
  const parts = [best];
  if (best.notice !== -1) {
    for (let notice = 0; notice < (rules.notices || []).length; notice++) {
      if (notice === best.notice) continue;
      const other = scored.filter((s) => s.notice === notice).reduce((a, b) => (!a || b.score > a.score ? b : a), null);
      if (other && other.score >= best.score * OTHER_NOTICE_SHARE) parts.push(other);
    }
  }
  parts.sort((a, b) => a.at - b.at);
  const text = parts.map((part) => {
    // A short answer's whole line (a route and its 须持有：…) comes with it while it fits.
    const line = scored.filter((s) => s.line === part.line);
    let said = line.map((s) => s.text).join("");
    if (said.length > maxChars) {
      said = part.text;
      for (const next of scored.slice(part.at + 1)) {
        if (next.line !== part.line || said.length + next.text.length > maxChars) break;
        said += next.text;
      }
    }
    const named = line[0].named && said.startsWith(line[0].text);
    const name = part.notice !== -1 && !named ? `${rules.notices[part.notice][0]}：` : "";
    return name + excerpt(index, said, result.terms, shape, maxChars);
  }).join(" ／ ");
  return { text, marks: markSpans(text, result.terms) };
}

/** [start, end) spans of the text where a query term occurs, merged. */
export function markSpans(text, terms) {
  const lower = normalise(text);
  const spans = [];
  for (const term of terms) {
    if (term.length < 2 && HAN.test(term) && terms.length > 1) continue;   // lone characters would speckle
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) spans.push([at, at + term.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

let loading = null;

/** Fetch and index index.json once, on first use (never at page load). */
export function loadSearch() {
  if (!loading) {
    loading = fetch(new URL("search/index.json", siteRoot), { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`index.json: HTTP ${response.status}`);
        return response.json();
      })
      .then(buildIndex)
      .catch((error) => { loading = null; throw error; });
  }
  return loading;
}
