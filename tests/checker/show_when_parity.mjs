// Evaluates the checker form's show_when (docs/assets/checker/form.js matchesAll) for many
// [when, answers] pairs read as JSON from stdin; prints the list of booleans.
import { readFileSync } from "node:fs";
import { matchesAll } from "../../docs/assets/checker/form.js";

const pairs = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(pairs.map(([when, answers]) => matchesAll(when, answers))));
