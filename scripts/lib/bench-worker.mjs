// One contender of isolatedMedians: builds its function once, then times one call per 'run'.
import { parentPort, workerData } from 'node:worker_threads';

const contender = await (await import(workerData.module))[workerData.factory](workerData.arg);

/**
 * Short-lived garbage of a random size (up to about 10 MB, a young generation's worth), made
 * before each timed call and not timed: it puts the next collection at a random point of the
 * call. Without it a call that allocates a fixed amount is collected at the same point every
 * time, and the figure depends on where that point falls (a bare parse was always collected
 * just after its tree died).
 */
function shiftCollections() {
  const objects = Math.floor(Math.random() * 400_000);
  const ring = new Array(16);
  for (let index = 0; index < objects; index++) ring[index & 15] = { index };
  globalThis.benchGarbage = ring; // kept reachable until the next call, so the allocations are not optimised away
}

/**
 * Each call's result is kept until the next call, as an editor keeps a document's model until the
 * next version replaces it (VS Code's JSON support its parsed document, we our HostDocument and
 * findings): the collections during a call then meet what an editor really holds.
 */
parentPort.postMessage('ready');
parentPort.on('message', () => {
  shiftCollections();
  const start = process.hrtime.bigint();
  globalThis.benchResult = contender(); // kept until the next call (see above)
  parentPort.postMessage(Number(process.hrtime.bigint() - start) / 1e6);
});
