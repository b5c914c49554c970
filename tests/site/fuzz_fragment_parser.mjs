// Fuzzes the checker page's URL parser (QuestionForm.parseParams in docs/assets/checker/form.js) in
// Node with a seeded generator. Usage: node fuzz_fragment_parser.mjs <rules.json> <count> <seed>
// Prints {inputs, failures: [...first 5]} as JSON.
import { readFileSync } from "node:fs";
import { QuestionForm } from "../../docs/assets/checker/form.js";

const [rulesPath, countText, seedText] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(rulesPath, "utf8")).questions;
const byKey = new Map(questions.map((q) => [q.key, { key: q.key, type: q.type }]));
const keys = [...byKey.keys(), "edit", "utm_source", "q-", "", "%", "%E0%A4%A", "__proto__", "constructor"];
const values = ["", "unsure", "none", "true", "false", "9".repeat(400), "-0", "1e999", "NaN", "Infinity", "2,4",
  "2年", "2020-02-30", "%", "%%", "%ZZ", "%ud800", "\ud800", "<script>", "a+b", " 24 ", "١٢", "0x10", ...questions.map((q) => q.key)];
const pieces = ["&", "=", "#", "?", "%", "+", "q-", "%25", "%26", "%3D", "\u0000", "\n", "\u2028", "\ud800", "中"];

let state = Number(seedText) >>> 0;
function random() { // mulberry32
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

function input() {
  const roll = random();
  if (roll < 0.3) return pick(["#", "?", ""]) + Array.from({ length: Math.floor(random() * 30) }, () => pick(pieces)).join("");
  const params = Array.from({ length: Math.floor(random() * 10) }, () => `${pick(keys)}=${pick(values)}`);
  let text = pick(["#", "?", "#q-", ""]) + params.join(pick(["&", "&", ";"]));
  if (random() < 0.3) {
    const at = Math.floor(random() * (text.length + 1));
    text = text.slice(0, at) + pick(pieces) + text.slice(at);
  }
  return text;
}

const failures = [];
// Every option the data defines reads back as itself (e.g. 现有职称 "none" is an answer, not "unanswered").
for (const question of questions) {
  for (const option of question.options || []) {
    const value = typeof option.value === "boolean" ? String(option.value) : option.value;
    const { answers } = QuestionForm.parseParams(`#${question.key}=${encodeURIComponent(value)}`, byKey);
    if (String(answers[question.key]) !== String(option.value)) failures.push({ text: `${question.key}=${value}`, problems: ["option lost"] });
  }
}
const count = Number(countText);
for (let i = 0; i < count; i++) {
  const text = input();
  try {
    const { answers, edit, pairs } = QuestionForm.parseParams(text, byKey);
    const problems = [];
    for (const [key, value] of Object.entries(answers)) {
      if (!byKey.has(key)) problems.push(`unknown key ${key}`);
      if (typeof value === "number" && !Number.isFinite(value)) problems.push(`non-finite ${key}`);
    }
    if (edit !== null && !byKey.has(edit)) problems.push(`edit ${edit}`);
    // Every answer kept is the last of its key's pairs (what the checker is sent refuses repeats).
    if (JSON.stringify(Object.fromEntries(pairs)) !== JSON.stringify(answers)) problems.push("pairs disagree with answers");
    const jsonText = QuestionForm.answersJson(pairs);
    if (!QuestionForm.repeatsKeys(pairs) && JSON.stringify(JSON.parse(jsonText)) !== JSON.stringify(answers)) problems.push("answersJson differs");
    const again = QuestionForm.parseParams(QuestionForm.toParams(answers, edit), byKey);
    if (JSON.stringify({ answers: again.answers, edit: again.edit }) !== JSON.stringify({ answers, edit })) problems.push("not stable through toParams");
    if (JSON.stringify(answers).length > 64 * 1024) problems.push("output over 64 KB");
    if (problems.length) failures.push({ text, problems });
  } catch (error) {
    failures.push({ text, problems: [`threw ${error && error.name}: ${error && error.message}`] });
  }
}
console.log(JSON.stringify({ inputs: count, failures: failures.slice(0, 5), failed: failures.length }));
