// Runs checker.check_json in real Pyodide (Node) for many answer texts in one process.
// Usage: node run_cases.mjs <vendor dir> <inputs.json: list of answer JSON texts> <outputs.json> [snapshot]
// With "snapshot", Pyodide is restored from the vendored snapshot.bin, unpacked as the browser worker does,
// instead of booting and installing the wheel from the lock.
// Writes a list of {out} or {error} to outputs.json (stdout carries Pyodide's own loading messages).
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { unpackSnapshot } from "../../docs/assets/checker/snapshot_memory.js";

const [vendorDir, inputPath, outputPath, mode] = process.argv.slice(2);
try {
  const indexURL = path.resolve(vendorDir) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
  const pyodide = mode === "snapshot"
    ? await loadPyodide({ indexURL, _loadSnapshot: unpackSnapshot(new Uint8Array(readFileSync(indexURL + "snapshot.bin")),
                                                                   JSON.parse(readFileSync(indexURL + "snapshot.json", "utf8"))) })
    : await loadPyodide({ indexURL, packages: ["yzt-checker"] });
  const checkJson = pyodide.pyimport("checker").check_json;
  const inputs = JSON.parse(readFileSync(inputPath, "utf8"));
  const outputs = inputs.map((text) => {
    try {
      return { out: checkJson(text) };
    } catch (e) {
      return { error: String(e.message).slice(-2000) };
    }
  });
  writeFileSync(outputPath, JSON.stringify(outputs));
} catch (e) {
  // An uncaught error would dump the minified runtime: print the message only.
  console.error("pyodide run failed:", e && e.message);
  process.exit(1);
}
