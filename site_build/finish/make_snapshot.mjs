// Builds the checker's Pyodide memory snapshot (called by site_build/finish/snapshot.py).
// Usage: node make_snapshot.mjs <vendored folder> <wheel file name> <out: snapshot.bin>
// Boots Pyodide from the vendored folder, unpacks the checker wheel into site-packages, imports the
// checker and runs one check (which loads rules.json), then writes the interpreter's memory. The worker
// restores it with `_loadSnapshot` and skips Python's start-up. `_makeSnapshot` is private Pyodide API:
// the worker checks the Pyodide version recorded beside the snapshot and falls back to a normal boot.
// No PyProxy may be alive when the snapshot is taken ("Unexpected hiwire entry"): all of it is runPython.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [vendorDir, wheelName, outPath] = process.argv.slice(2);
try {
  const indexURL = path.resolve(vendorDir) + path.sep;
  const { loadPyodide, version } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
  pyodide.unpackArchive(new Uint8Array(readFileSync(indexURL + wheelName)), "wheel");
  pyodide.runPython("import checker\nchecker.check_json('{}')");
  writeFileSync(outPath, pyodide.makeMemorySnapshot());
  console.log(JSON.stringify({ pyodide: version }));
} catch (e) {
  // An uncaught error would dump the minified runtime: print the message only.
  console.error("snapshot failed:", e && e.message);
  process.exit(1);
}
