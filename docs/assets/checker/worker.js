// Web Worker (module): boots Pyodide from the site's own copy and runs the real `checker` package.
// Protocol, main thread -> worker: {type: "check", id, answers: "<answers JSON text>"}
// worker -> main thread: {type: "ready", ms} | {type: "failed", reason}
//                        {type: "result", id, ok: true, json} | {type: "result", id, ok: false, reason}
// `reason` is for the console only; the page shows its own plain-Chinese text.

const PYODIDE_DIR = new URL("../pyodide/", import.meta.url).href;
const PACKAGE = "yzt-checker";

let checkJson = null;
let failed = false;

function fail(error) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", reason: String((error && error.message) || error).slice(0, 500) });
}

// Pyodide only logs a warning and waits forever when the wasm fetch fails: report any failed
// fetch of a runtime file (network error or HTTP error) at once instead.
const realFetch = self.fetch.bind(self);
self.fetch = async (...args) => {
  let response;
  try {
    response = await realFetch(...args);
  } catch (error) {
    fail(new Error(`fetch ${args[0]} failed: ${error && error.message}`));
    throw error;
  }
  if (!response.ok) fail(new Error(`fetch ${args[0]}: HTTP ${response.status}`));
  return response;
};

const booting = (async () => {
  const started = performance.now();
  try {
    if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
    const { loadPyodide } = await import(PYODIDE_DIR + "pyodide.mjs");
    const pyodide = await loadPyodide({
      indexURL: PYODIDE_DIR,
      packages: [PACKAGE], // fetched while the interpreter boots; sha256 checked against pyodide-lock.json
      stdout: () => {},
      stderr: () => {},
    });
    checkJson = pyodide.pyimport("checker").check_json;
    if (!failed) self.postMessage({ type: "ready", ms: Math.round(performance.now() - started) });
  } catch (error) {
    fail(error);
  }
})();

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  if (message.type !== "check") return;
  await booting;
  if (!checkJson) return; // "failed" was already posted
  try {
    self.postMessage({ type: "result", id: message.id, ok: true, json: checkJson(message.answers) });
  } catch (error) {
    // A Python exception: keep the traceback off the page.
    self.postMessage({ type: "result", id: message.id, ok: false, reason: String((error && error.message) || error).slice(-500) });
  }
});
