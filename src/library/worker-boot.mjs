// Worker-thread entry for src/library/workers.ts. Plain JavaScript on purpose: a worker starts
// without the parent's TypeScript loader, so this file registers tsx first (only when the
// derivation module is a .ts source) and then imports the derivation by URL.
import { parentPort, workerData } from 'node:worker_threads';

const { module: moduleUrl, exportName } = workerData;
if (moduleUrl.endsWith('.ts') || moduleUrl.endsWith('.mts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const loaded = await import(moduleUrl);
const derive = loaded[exportName];
if (typeof derive !== 'function') throw new Error(`${moduleUrl} has no function export "${exportName}"`);

function serializeError(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), props: {} };
  const props = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function') continue;
    try {
      structuredClone(value);
      props[key] = value;
    } catch {
      props[key] = String(value);
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, props };
}

parentPort.on('message', async ({ chunk, jobs }) => {
  const results = [];
  for (const args of jobs) {
    try {
      results.push({ ok: true, value: await derive(...args) });
    } catch (error) {
      results.push({ ok: false, error: serializeError(error) });
    }
  }
  try {
    parentPort.postMessage({ chunk, results });
  } catch (error) {
    // A value that cannot cross threads fails its own job, not the whole chunk.
    const safe = results.map((r) => {
      try {
        structuredClone(r);
        return r;
      } catch (cloneError) {
        return { ok: false, error: serializeError(cloneError) };
      }
    });
    parentPort.postMessage({ chunk, results: safe });
  }
});
parentPort.postMessage({ ready: true });
