// Web Worker (module): boots Pyodide from the site's own copy and runs the real `checker` package.
// Protocol, main thread -> worker: {type: "check", id, answers: "<answers JSON text>"}
// worker -> main thread: {type: "progress", computing} (at most every PROGRESS_EVERY_MS while loading;
//                        computing: nothing is downloading, the worker is compiling or starting Python)
//                        {type: "ready"} | {type: "failed", reason}
//                        {type: "result", id, ok: true, json} | {type: "result", id, ok: false, reason}
// `reason` is for the console only; the page shows its own plain-Chinese text.
//
// Start-up: the build ships a memory snapshot of Pyodide with the checker imported and its rules loaded
// (site_build/finish/snapshot.py), packed to its non-zero pages (snapshot_memory.js unpacks it). It is restored
// when snapshot.json names this Pyodide version and the wheel the lock pins; otherwise, or if unpacking
// or restoring throws, Pyodide boots normally and installs the wheel from the lock (sha256 checked).
// The page starts this worker from <head> (site_build/finish/runtime_pages.py), before its own scripts run.

// The content-hashed Pyodide folder arrives as this script's URL fragment (runtime.js).
const PYODIDE_DIR = self.location.hash.length > 1
  ? new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href).href
  : new URL("../pyodide/", import.meta.url).href;
const PACKAGE = "yzt-checker";
const OPTIONAL = ["snapshot.json", "snapshot.bin"]; // missing: boot normally, not a failure
const PROGRESS_EVERY_MS = 250;
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

let checkJson = null;
let failed = false;
let lastProgress = 0;
let downloading = 0; // runtime files requested whose body has not fully arrived

function fail(error) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", reason: String((error && error.message) || error).slice(0, 500) });
}

function progress(computing = false) {
  const now = performance.now();
  if (now - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = now;
  self.postMessage({ type: "progress", computing });
}

// While nothing is downloading the worker is computing (compiling, starting Python), which gets a longer
// budget (runtime.js). A download that stops sending bytes sends nothing and trips the stall timer.
function startHeartbeat() {
  const timer = setInterval(() => {
    if (checkJson || failed) clearInterval(timer);
    else if (downloading === 0) progress(true);
  }, 1000);
}

// Reads a copy of a response body to report progress while it downloads and to check a wasm file's
// first bytes: Pyodide waits forever on a wasm it cannot compile, so a wrong one must fail here.
async function watch(response, isWasm) {
  const reader = response.clone().body.getReader();
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    progress();
    if (isWasm && first && value.length >= 4) {
      first = false;
      if (WASM_MAGIC.some((byte, i) => value[i] !== byte)) fail(new Error(`${response.url} is not WebAssembly`));
    }
  }
}

// Pyodide only logs a warning and waits forever when the wasm fetch fails: report any failed fetch of
// a runtime file (network error, HTTP error, wrong type for wasm) at once instead.
const realFetch = self.fetch.bind(self);
self.fetch = async (...args) => {
  const url = String(args[0] && args[0].url ? args[0].url : args[0]);
  const optional = OPTIONAL.some((name) => url.endsWith("/" + name));
  let response;
  downloading++;
  try {
    response = await realFetch(...args);
  } catch (error) {
    downloading--;
    if (!optional) fail(new Error(`fetch ${url} failed: ${error && error.message}`));
    throw error;
  }
  const isWasm = url.endsWith(".wasm");
  if (!response.ok && !optional) fail(new Error(`fetch ${url}: HTTP ${response.status}`));
  else if (isWasm && !(response.headers.get("Content-Type") || "").startsWith("application/wasm")) {
    fail(new Error(`${url} served as ${response.headers.get("Content-Type")}, not application/wasm`));
  }
  if (response.ok && response.body) watch(response, isWasm).catch(() => {}).finally(() => downloading--);
  else downloading--;
  return response;
};

// A CSP without 'wasm-unsafe-eval' blocks compiling any wasm; Pyodide would hang on it.
async function assertWasmAllowed() {
  try {
    await WebAssembly.compile(new Uint8Array([...WASM_MAGIC, 0x01, 0x00, 0x00, 0x00]));
  } catch (error) {
    throw new Error("WebAssembly compilation is blocked: " + (error && error.message));
  }
}

async function fetchJson(name) {
  const response = await fetch(PYODIDE_DIR + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.json();
}

// The snapshot and what it was made from, requested as the worker starts: its body is the longest
// read, so it overlaps importing Pyodide and fetching its wasm instead of following them.
function requestSnapshot(lock) {
  const made = Promise.all([fetchJson("snapshot.json"), lock]);
  const body = fetch(PYODIDE_DIR + "snapshot.bin")
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`snapshot.bin: HTTP ${response.status}`))));
  const bytes = Promise.all([body, made, import("./snapshot_memory.js")])
    .then(([packed, [meta], { unpackSnapshot }]) => unpackSnapshot(new Uint8Array(packed), meta));
  made.catch(() => {}); // a missing snapshot is not a failure: the normal boot takes over
  bytes.catch(() => {});
  return { bytes, made };
}

// Whether the snapshot was made from this runtime and the wheel the lock pins.
async function snapshotMatches(snapshot, version) {
  try {
    const [meta, lock] = await snapshot.made;
    const pinned = lock.packages && lock.packages[PACKAGE] && lock.packages[PACKAGE].sha256;
    if (meta.pyodide === version && meta.wheel_sha256 === pinned) return true;
    console.warn("checker: snapshot does not match the runtime; booting normally");
  } catch (error) {
    // no snapshot.json: the build made none
  }
  return false;
}

async function boot() {
  // The lock is read once: for the snapshot's wheel check and by Pyodide itself (its packages' URLs
  // are relative to the folder it came from).
  const lock = fetchJson("pyodide-lock.json");
  lock.catch(() => {}); // reported by the fetch wrapper, and by loadPyodide when it needs it
  const options = { indexURL: PYODIDE_DIR, lockFileContents: lock, packageBaseUrl: PYODIDE_DIR, stdout: () => {}, stderr: () => {} };
  const snapshot = requestSnapshot(lock);
  const [{ loadPyodide, version }] = await Promise.all([import(PYODIDE_DIR + "pyodide.mjs"), assertWasmAllowed()]);
  progress();
  startHeartbeat();
  if (await snapshotMatches(snapshot, version)) {
    try {
      // A promise: Pyodide fetches and compiles its wasm while the snapshot's body is still arriving.
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot.bytes });
      return pyodide.pyimport("checker").check_json;
    } catch (error) {
      console.warn("checker: snapshot restore failed; booting normally:", error && error.message);
    }
  }
  // fetched while the interpreter boots; sha256 checked against pyodide-lock.json
  const pyodide = await loadPyodide({ ...options, packages: [PACKAGE] });
  return pyodide.pyimport("checker").check_json;
}

const booting = (async () => {
  try {
    if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
    checkJson = await boot();
    if (!failed) self.postMessage({ type: "ready" });
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
