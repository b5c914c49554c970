// Ranks queries with the site's own search code (docs/assets/search/search.js) in Node.
// stdin: {"index": "<path to index.json>", "queries": ["…"], "limit": 3}
// stdout: {"results": [[{"url", "title", "body", "snippet"}…] per query], "terms": [[…] per query]}
import { readFileSync } from "node:fs";
import { buildIndex, queryTerms, rank, snippet } from "../../docs/assets/search/search.js";

const request = JSON.parse(readFileSync(0, "utf8"));
const index = buildIndex(JSON.parse(readFileSync(request.index, "utf8")));
const results = request.queries.map((query) =>
  rank(index, query, request.limit || 3).map((result) => ({
    url: result.doc.url, title: result.doc.title, body: result.doc.body, snippet: snippet(index, result).text,
  })));
const terms = request.queries.map((query) => queryTerms(query, index.rules));
process.stdout.write(JSON.stringify({ results, terms }));
