// Main-thread side of the checker worker: starts it once, queues checks until Pyodide is ready,
// and turns every way of failing (no WebAssembly, blocked file, hang, Python exception) into a state.

const SLOW_AFTER_MS = 8000;  // then the page shows the fallback text while loading goes on
// A download that sends nothing for this long has stalled. Pyodide itself never reports a wasm it cannot
// compile (wrong MIME type, corrupt file, CSP without 'wasm-unsafe-eval'); the worker detects those at
// once, this catches a silent network.
const STALL_AFTER_MS = 10000;
// Once everything has arrived the worker computes (compiles, starts Python) in long synchronous steps
// that a slow phone may need many seconds for: a longer budget, so a slow device is not called broken.
const COMPUTE_BUDGET_MS = 60000;

// The worker, with the content-hashed Pyodide folder in its URL's fragment (never sent to the server).
// Runtime pages start it from <head> (site_build/finish/runtime_pages.py), keeping its early messages and
// errors; this takes it over. A page without that start creates it here.
function takeWorker(workerUrl) {
  const started = self.yztWorker;
  if (started) {
    delete self.yztWorker;
    started.worker.onmessage = started.worker.onerror = null;
    return started;
  }
  const meta = document.querySelector("meta[name='yzt-worker']");
  return { worker: new Worker(meta ? new URL(meta.content, location.href) : workerUrl, { type: "module" }), early: [] };
}

export class CheckerRuntime {
  constructor(workerUrl) {
    this.state = "loading"; // loading | slow | ready | failed
    this.listeners = new Set();
    this.pending = new Map();
    this.nextId = 1;
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      this._fail("此浏览器不支持 WebAssembly 或 Web Worker");
      return;
    }
    let started;
    try {
      started = takeWorker(workerUrl);
    } catch (error) {
      this._fail(String(error));
      return;
    }
    this.worker = started.worker;
    const onMessage = (event) => this._onMessage(event.data || {});
    const onError = (event) => {
      event.preventDefault(); // reported on the page instead of as an uncaught error
      this._fail("worker script failed: " + (event.message || "load error"));
    };
    this.worker.addEventListener("message", onMessage);
    this.worker.addEventListener("error", onError);
    this.slowTimer = setTimeout(() => this._setState(this.state === "loading" ? "slow" : this.state), SLOW_AFTER_MS);
    this._watchForStall();
    for (const event of started.early) (event.type === "error" ? onError : onMessage)(event);
  }

  _watchForStall(computing = false) {
    const budget = computing ? COMPUTE_BUDGET_MS : STALL_AFTER_MS;
    clearTimeout(this.giveUpTimer);
    this.giveUpTimer = setTimeout(() => {
      if (this.state === "loading" || this.state === "slow") this._fail(`no progress for ${budget} ms`);
    }, budget);
  }

  onChange(listener) {
    this.listeners.add(listener);
    listener(this.state);
  }

  // Resolves with the result object; rejects with {kind: "unavailable" | "crashed"}. `answers` is an
  // object, or the JSON text itself (QuestionForm.answersJson keeps a repeated key for the checker).
  check(answers) {
    if (this.state === "failed") return Promise.reject({ kind: "unavailable" });
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "check", id, answers: typeof answers === "string" ? answers : JSON.stringify(answers) });
    });
  }

  _onMessage(message) {
    if (message.type === "progress") {
      this._watchForStall(message.computing === true);
    } else if (message.type === "ready") {
      this._setState("ready");
    } else if (message.type === "failed") {
      this._fail(message.reason);
    } else if (message.type === "result") {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (!message.ok) {
        console.warn("checker raised:", message.reason);
        waiter.reject({ kind: "crashed" });
        return;
      }
      try {
        waiter.resolve(JSON.parse(message.json));
      } catch (error) {
        waiter.reject({ kind: "crashed" });
      }
    }
  }

  _fail(reason) {
    if (this.state === "failed") return;
    console.warn("checker unavailable:", reason);
    clearTimeout(this.slowTimer);
    clearTimeout(this.giveUpTimer);
    if (this.worker) this.worker.terminate();
    this._setState("failed");
    for (const waiter of this.pending.values()) waiter.reject({ kind: "unavailable" });
    this.pending.clear();
  }

  _setState(state) {
    if (state === "ready") {
      clearTimeout(this.slowTimer);
      clearTimeout(this.giveUpTimer);
    }
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
