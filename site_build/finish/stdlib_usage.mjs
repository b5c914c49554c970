// Lists the standard-library files a checker run reads (called by site_build/finish/stdlib_cut.py).
// Usage: node stdlib_usage.mjs <vendored folder, full python_stdlib.zip> <wheel file name> <inputs.json>
// Does what the browser does, in real Pyodide: boots, installs the checker wheel from the lock (the
// normal boot) and unpacks it as the snapshot maker does, runs check_json over every input, and formats
// a Python exception (the worker's error path); then prints, as JSON, every module in sys.modules that
// was loaded from the zip (its path inside the zip). Boot-time modules are in sys.modules too.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [vendorDir, wheelName, inputPath] = process.argv.slice(2);
try {
  const indexURL = path.resolve(vendorDir) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
  const pyodide = await loadPyodide({ indexURL, packages: ["yzt-checker"], stdout: () => {}, stderr: () => {} });
  pyodide.unpackArchive(new Uint8Array(readFileSync(indexURL + wheelName)), "wheel", { extractDir: "/tmp/wheel-copy" });
  const checkJson = pyodide.pyimport("checker").check_json;
  for (const text of JSON.parse(readFileSync(inputPath, "utf8"))) checkJson(text);
  try {
    pyodide.runPython("raise ValueError('the error path')");
  } catch (error) {
    // expected: Pyodide formatted the traceback
  }
  console.log(pyodide.runPython(`
import json, sys
root = "/lib/python%d%d.zip/" % sys.version_info[:2]  # sys.path[1] in Pyodide
json.dumps(sorted({m.__file__[len(root):] for m in list(sys.modules.values())
                   if isinstance(getattr(m, "__file__", None), str) and m.__file__.startswith(root)}))
`));
} catch (e) {
  console.error("stdlib usage run failed:", e && e.message); // not the whole minified runtime
  process.exit(1);
}
