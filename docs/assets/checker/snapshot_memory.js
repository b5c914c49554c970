// The checker's memory snapshot is shipped packed: half of Pyodide's 31.5 MB heap is zero pages, and
// reading them from the HTTP cache and decompressing them was the longest step of a warm start.
// snapshot.bin holds only the non-zero runs, back to back; snapshot.json lists them as
// [offset, length] and gives the heap's size (site_build/finish/snapshot.py writes both).
// Used by the worker and by the Node parity test (tests/pyodide/run_cases.mjs).

// The zero-filled heap image `loadPyodide({_loadSnapshot})` expects, of the size snapshot.json gives:
// Pyodide needs only its size to start, so the worker hands it over before snapshot.bin has arrived.
export function emptyHeap(meta) {
  if (!Array.isArray(meta.runs) || !Number.isSafeInteger(meta.memory_bytes)) throw new Error("snapshot.json lists no runs");
  return new Uint8Array(meta.memory_bytes);
}

// Writes the packed runs into `memory` (a new emptyHeap when not given) and returns it; throws when the
// file and its list disagree.
export function unpackSnapshot(packed, meta, memory = emptyHeap(meta)) {
  const runs = meta.runs;
  const size = memory.length;
  const listed = runs.reduce((total, [, length]) => total + length, 0);
  if (listed !== packed.length) throw new Error(`snapshot.bin has ${packed.length} bytes, snapshot.json lists ${listed}`);
  let read = 0;
  for (const [offset, length] of runs) {
    if (offset < 0 || offset + length > size) throw new Error("snapshot run outside the heap");
    memory.set(packed.subarray(read, read + length), offset);
    read += length;
  }
  return memory;
}
