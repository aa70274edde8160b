// autocannon's setupRequest for the mixed load's write, loaded by path in the load generator's worker thread
// (so the benchmark runs compiled: dist-bench/bench/mixed-write.js): each write records a meeting with a number
// of its own (`__N__` in the body becomes a fresh one).
let written = 0;
const run = `${process.pid}-${Date.now().toString(36)}`;

export = function setupRequest(request: { body?: unknown }): { body: string } {
  written += 1;
  return { ...request, body: String(request.body).replace('__N__', `${run}-${written}`) };
};
