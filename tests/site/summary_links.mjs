// The link a copied summary ends with, for given answers: QuestionForm.toParams (what reopenLink puts
// after "#"), and what the page reads back from it (QuestionForm.parseParams), with the form's own
// questions (rules.json `form: true`). Usage: node summary_links.mjs <rules.json> < answers-list.json
// Prints [{fragment, answers}] as JSON.
import { readFileSync } from "node:fs";
import { QuestionForm } from "../../docs/assets/checker/form.js";

const questions = JSON.parse(readFileSync(process.argv[2], "utf8")).questions.filter((q) => q.form);
const byKey = new Map(questions.map((q) => [q.key, { key: q.key, type: q.type }]));
const cases = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map((answers) => {
  const asked = Object.fromEntries(Object.entries(answers).filter(([key]) => byKey.has(key)));
  const fragment = QuestionForm.toParams(asked);
  return { fragment, answers: QuestionForm.parseParams("#" + fragment, byKey).answers };
});
process.stdout.write(JSON.stringify(out));
