// Web Worker (module): boots Pyodide from the site's own copy and runs the real `checker` package.
// Protocol, main thread -> worker: {type: "check", id, answers: "<answers JSON text>"}
// worker -> main thread: {type: "progress", computing} (at most every PROGRESS_EVERY_MS while bytes arrive
//                        or a request starts, and once a second from a heartbeat; computing: nothing is
//                        downloading, or the wasm has compiled and Pyodide instantiates it: from then on the worker runs
//                        long synchronous steps that send nothing, and only the compute budget applies)
//                        {type: "ready"} | {type: "failed", reason}
//                        {type: "result", id, ok: true, json} | {type: "result", id, ok: false, reason}
// `reason` is for the console only; the page shows its own plain-Chinese text.
//
// Start-up: the build ships a memory snapshot of Pyodide with the checker imported and its rules loaded
// (site_build/finish/snapshot.py), packed to its non-zero pages (snapshot_memory.js unpacks it). It is restored
// only when snapshot.json names this Pyodide version, the wheel the lock pins and the standard library
// being served, and snapshot.bin's sha256 is the one recorded; otherwise, or if the file stalls, or
// unpacking or restoring throws, Pyodide boots normally (quietly) and installs the wheel from the lock
// (sha256 checked). Pyodide instantiates its wasm while snapshot.bin still arrives (it needs only the
// heap's size, from snapshot.json); the instantiation then waits at `restoreGate` for the checks, so
// nothing is restored before they pass. The page starts this worker from <head>
// (site_build/finish/runtime_pages.py).

// The content-hashed Pyodide folder arrives as this script's URL fragment (runtime.js).
const PYODIDE_DIR = self.location.hash.length > 1
  ? new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href).href
  : new URL("../pyodide/", import.meta.url).href;
const PACKAGE = "yzt-checker";
const STDLIB = "python_stdlib.zip";
const OPTIONAL = ["snapshot.json", "snapshot.bin"]; // missing: boot normally, not a failure
const PROGRESS_EVERY_MS = 250;
// The snapshot only saves time: a snapshot.bin that sends nothing for this long is dropped for a normal
// boot (≈3 s here), so a stalled optional file still ends in a verdict well within 10 s.
const OPTIONAL_STALL_MS = 3000;
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

let checkJson = null;
let failed = false;
let lastProgress = 0;
let downloading = 0; // runtime files requested whose body has not fully arrived
let computeStarted = false; // the wasm compiled and Pyodide instantiates it: Python starts next

function fail(error) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", reason: String((error && error.message) || error).slice(0, 500) });
}

function progress(force = false) {
  const now = performance.now();
  if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = now;
  self.postMessage({ type: "progress", computing: computeStarted || downloading === 0 });
}

// While nothing is downloading the worker is computing (compiling, starting Python): runtime.js then
// gives it one fixed budget, which these beats cannot extend. A download that stops sending bytes sends
// nothing and trips the stall timer.
function startHeartbeat() {
  const timer = setInterval(() => {
    if (checkJson || failed) clearInterval(timer);
    else if (computeStarted || downloading === 0) progress(true);
  }, 1000);
}

// Reads a copy of a response body to report progress while it downloads and to check a wasm file's
// first bytes (a wrong file fails here at once).
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

// Pyodide only logs a warning and waits forever when a wasm fetch or compile fails (a truncated or
// corrupt file with a valid header included): every such failure is reported here at once instead.
// The wasm is compiled as its bytes arrive, so compiling overlaps the snapshot's download (Pyodide itself
// would compile only once the snapshot has arrived); Pyodide's own instantiate then uses that module.
let wasmModule = null;
// Set by boot() for the snapshot's loadPyodide: {checked, reached}. Its instantiation, the first after it
// is set, reports that it got there and returns only once `checked` resolves; when the checks fail it
// never returns (that Pyodide is dropped, unrestored) and boot() starts a normal one.
let restoreGate = null;
const reportWasm = (error) => {
  fail(new Error("wasm did not compile: " + ((error && error.message) || error)));
  throw error;
};
if (typeof WebAssembly === "object") {
  const realInstantiate = WebAssembly.instantiate.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    if (!wasmModule) wasmModule = WebAssembly.compileStreaming(source);
    const module = await wasmModule.catch(reportWasm);
    // Only now, with the wasm's bytes all in, does computing begin (a stalled wasm stays a stalled download).
    computeStarted = true;
    progress(true);
    const instance = await realInstantiate(module, imports).catch(reportWasm);
    const gate = restoreGate;
    restoreGate = null;
    if (gate) {
      gate.reached();
      await gate.checked.catch(() => new Promise(() => {}));
    }
    return { module, instance };
  };
  WebAssembly.instantiate = (...args) => realInstantiate(...args).catch(reportWasm);
}

const realFetch = self.fetch.bind(self);
self.fetch = async (...args) => {
  const url = String(args[0] && args[0].url ? args[0].url : args[0]);
  const optional = OPTIONAL.some((name) => url.endsWith("/" + name));
  const isWasm = url.endsWith(".wasm");
  // A normal boot after a snapshot that was not restored asks for the wasm again: it is compiled already,
  // and a second read of it (from the HTTP cache, beside the first response's unread body) never ended.
  if (isWasm && wasmModule) return new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } });
  let response;
  downloading++;
  progress(true); // a new request: the stall timer starts again (unless computing has begun)
  try {
    response = await realFetch(...args);
  } catch (error) {
    downloading--;
    if (!optional) fail(new Error(`fetch ${url} failed: ${error && error.message}`));
    throw error;
  }
  if (!response.ok && !optional) fail(new Error(`fetch ${url}: HTTP ${response.status}`));
  else if (isWasm && !(response.headers.get("Content-Type") || "").startsWith("application/wasm")) {
    fail(new Error(`${url} served as ${response.headers.get("Content-Type")}, not application/wasm`));
  } else if (isWasm && response.ok && !wasmModule) {
    // The fetched response itself is compiled (Pyodide gets a copy it never reads): a clone may lose
    // Chrome's compiled-code cache, which spares a warm visit the compile.
    watch(response, isWasm).catch(() => {}).finally(() => downloading--);
    const copy = response.clone();
    wasmModule = WebAssembly.compileStreaming(response);
    wasmModule.catch((error) => fail(new Error("wasm did not compile: " + (error && error.message))));
    return copy;
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

// An optional file's bytes, given up (rejected) when it sends nothing for OPTIONAL_STALL_MS.
async function fetchOptional(name) {
  const controller = new AbortController();
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`${name} stalled`)), OPTIONAL_STALL_MS);
  };
  arm();
  try {
    const response = await fetch(PYODIDE_DIR + name, { signal: controller.signal });
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      chunks.push(value);
      size += value.length;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The standard library is requested by the worker as it starts (not later by Pyodide), so its sha256
// is known before a snapshot made from another zip could be restored; Pyodide's own request for it is
// answered from these bytes.
function requestStdlib() {
  const url = PYODIDE_DIR + STDLIB;
  const bytes = fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`${STDLIB}: HTTP ${response.status}`);
    return { bytes: await response.arrayBuffer(), type: response.headers.get("Content-Type") || "application/zip" };
  });
  bytes.catch(() => {}); // reported by the fetch wrapper
  const served = self.fetch;
  self.fetch = (...args) => {
    const asked = String(args[0] && args[0].url ? args[0].url : args[0]);
    if (asked !== url) return served(...args);
    return bytes.then((got) => new Response(got.bytes.slice(0), { headers: { "Content-Type": got.type } }));
  };
  return bytes.then((got) => sha256(got.bytes));
}

// The snapshot and what it was made from, requested as the worker starts: its body is the longest read.
// `heap` is the heap image Pyodide is given (empty until snapshot.bin arrives and is unpacked into it);
// `checked` resolves only when snapshot.bin is the file snapshot.json describes, the standard library is
// the zip it was made from, and the heap is filled; otherwise it rejects and the worker boots normally.
function requestSnapshot(lock, stdlibHash) {
  const meta = fetchOptional("snapshot.json").then((bytes) => JSON.parse(new TextDecoder().decode(bytes)));
  const made = Promise.all([meta, lock]);
  const memory = import("./snapshot_memory.js");
  const heap = Promise.all([meta, memory]).then(([meta, { emptyHeap }]) => emptyHeap(meta));
  const packed = fetchOptional("snapshot.bin");
  // digested and unpacked side by side as soon as it has arrived (the digest runs off this thread)
  const digest = packed.then(sha256);
  const filled = Promise.all([packed, meta, heap, memory])
    .then(([body, meta, image, { unpackSnapshot }]) => unpackSnapshot(body, meta, image));
  const checked = Promise.all([digest, meta, stdlibHash, filled]).then(([bodyHash, meta, stdlib]) => {
    if (meta.stdlib_sha256 !== stdlib) throw new Error("the standard library is not the one the snapshot was made from");
    if (meta.snapshot_sha256 !== bodyHash) throw new Error("snapshot.bin does not match its sha256");
  });
  for (const promise of [made, heap, digest, filled, checked]) promise.catch(() => {}); // a missing or bad snapshot is not a failure: the normal boot takes over
  return { heap, checked, made };
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
  const stdlibHash = requestStdlib();
  const snapshot = requestSnapshot(lock, stdlibHash);
  const [{ loadPyodide, version }] = await Promise.all([import(PYODIDE_DIR + "pyodide.mjs"), assertWasmAllowed()]);
  progress();
  startHeartbeat();
  if (await snapshotMatches(snapshot, version)) {
    let reached;
    const gateReached = new Promise((resolve) => (reached = resolve));
    restoreGate = { checked: snapshot.checked, reached };
    const restoring = loadPyodide({ ...options, _loadSnapshot: snapshot.heap });
    try {
      const [pyodide] = await Promise.all([restoring, snapshot.checked]);
      return pyodide.pyimport("checker").check_json;
    } catch (error) {
      if (failed) throw error;
      console.warn("checker: snapshot not restored; booting normally:", error && error.message);
      // That Pyodide is parked at the gate (or has ended) before another one may instantiate.
      await Promise.race([gateReached, restoring.catch(() => {})]);
      restoreGate = null;
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
