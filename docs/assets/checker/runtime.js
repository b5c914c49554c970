// Main-thread side of the checker worker: starts it once, queues checks until Pyodide is ready,
// and turns every way of failing (no WebAssembly, blocked file, hang, Python exception) into a state.

const SLOW_AFTER_MS = 8000;  // then the page shows the fallback text while loading goes on
// A download that sends nothing for this long has stalled. The worker itself reports what Pyodide only
// logs and waits on (a failed fetch, a wasm that does not compile, a CSP without 'wasm-unsafe-eval').
const STALL_AFTER_MS = 10000;
// Once everything has arrived the worker computes (compiles, starts Python) in long synchronous steps
// that a slow phone may need many seconds for, sending nothing meanwhile: one budget from the first
// "computing" message, never extended by later messages, so a worker that stays alive but never becomes
// ready (its heartbeat beating on) still ends in the fallback.
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
    this._watchForStall(false);
    for (const event of started.early) (event.type === "error" ? onError : onMessage)(event);
  }

  // Bytes arriving (or a request starting) re-arm the stall timer; computing suspends it under the
  // compute budget, which starts once and is never re-armed.
  _watchForStall(computing) {
    clearTimeout(this.giveUpTimer);
    if (!computing) {
      this.giveUpTimer = setTimeout(() => this._giveUp(`no download progress for ${STALL_AFTER_MS} ms`), STALL_AFTER_MS);
    } else if (!this.computeTimer) {
      this.computeTimer = setTimeout(() => this._giveUp(`not ready ${COMPUTE_BUDGET_MS} ms after computing began`), COMPUTE_BUDGET_MS);
    }
  }

  _giveUp(reason) {
    if (this.state === "loading" || this.state === "slow") this._fail(reason);
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
    this._clearTimers();
    if (this.worker) this.worker.terminate();
    this._setState("failed");
    for (const waiter of this.pending.values()) waiter.reject({ kind: "unavailable" });
    this.pending.clear();
  }

  _clearTimers() {
    clearTimeout(this.slowTimer);
    clearTimeout(this.giveUpTimer);
    clearTimeout(this.computeTimer);
  }

  _setState(state) {
    if (state === "ready") this._clearTimers();
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
