/**
 * Runs a derivation (e.g. article extraction) over many inputs across the cores with
 * node:worker_threads.
 *
 * The derivation is named by module URL + export name, not passed as a function, because a worker
 * must import it itself. The main thread takes chunks from the same queue as the workers, so a
 * batch too small to repay a worker's start-up (tsx, compromise, chrono: a few hundred ms) is
 * finished in-thread before any worker would have helped, and below `minPoolJobs` no worker is
 * started at all. A worker that cannot start or dies hands its chunk back to the queue; if every
 * worker fails the main thread finishes alone, so a pool problem never loses a file.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface DerivationRef {
  /** Module URL (`file:`; `import.meta.url`-relative is typical) or absolute path. `.ts` works under tsx or vitest. */
  module: string | URL;
  /** Name of the exported function; it is called with each job's arguments and must return structured-clonable data. */
  exportName: string;
}

/** An error thrown by the derivation, flattened so it can cross threads; own fields (file, line, field) are kept. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  props: Record<string, unknown>;
}

export type DeriveResult<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export interface DeriveOptions {
  /** Worker threads to start; default: cores − 1 (the main thread works too), at least 1. 0 = in-thread only. */
  threads?: number;
  /** Below this many jobs no worker is started: the pool would cost more than it saves. Default 48. */
  minPoolJobs?: number;
  /** Jobs per message; default adapts to the batch (between 4 and 64). */
  chunkSize?: number;
  /** Whether the main thread takes chunks too. Default true. */
  mainThreadHelps?: boolean;
}

export interface DeriveStats {
  jobs: number;
  workersStarted: number;
  /** Jobs finished by each worker, then by the main thread (last). */
  jobsByWorker: number[];
  jobsInThread: number;
  workerFailures: number;
}

const BOOT_URL = new URL('./worker-boot.mjs', import.meta.url);

function moduleUrl(ref: DerivationRef): string {
  if (ref.module instanceof URL) return ref.module.href;
  return /^[a-z]+:/i.test(ref.module) ? ref.module : pathToFileURL(ref.module).href;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), props: {} };
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value !== undefined && typeof value !== 'function') props[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, props };
}

/** An Error carrying the serialized fields back (name, message, and own props such as file/line/field). */
export function reviveError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  Object.assign(error, serialized.props);
  return error;
}

type AnyFunction = (...args: unknown[]) => unknown;
const loadedDerivations = new Map<string, Promise<AnyFunction>>();

async function loadInThread(ref: DerivationRef): Promise<AnyFunction> {
  const url = moduleUrl(ref);
  const key = `${url}#${ref.exportName}`;
  let loading = loadedDerivations.get(key);
  if (!loading) {
    loading = import(url).then((mod: Record<string, unknown>) => {
      const fn = mod[ref.exportName];
      if (typeof fn !== 'function') throw new Error(`${url} has no function export "${ref.exportName}"`);
      return fn as AnyFunction;
    });
    loadedDerivations.set(key, loading);
  }
  return loading;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Derives every job (`jobs[i]` is the argument list for call i) and returns results in job order.
 * Errors thrown by the derivation become `{ ok: false }` results; nothing else rejects except a
 * derivation module the main thread itself cannot load.
 */
export async function deriveMany<T>(
  ref: DerivationRef,
  jobs: readonly (readonly unknown[])[],
  options: DeriveOptions = {},
  stats?: DeriveStats,
): Promise<DeriveResult<T>[]> {
  const results: DeriveResult<T>[] = new Array(jobs.length);
  const threads = options.threads ?? defaultThreads();
  const minPoolJobs = options.minPoolJobs ?? 48;
  const mainHelps = options.mainThreadHelps ?? true;
  const usePool = threads > 0 && jobs.length >= minPoolJobs;
  const workerCount = usePool ? Math.min(threads, Math.ceil(jobs.length / 4)) : 0;
  const chunkSize =
    options.chunkSize ?? Math.max(4, Math.min(64, Math.ceil(jobs.length / Math.max(1, (workerCount + 1) * 8))));
  const st: DeriveStats = stats ?? { jobs: 0, workersStarted: 0, jobsByWorker: [], jobsInThread: 0, workerFailures: 0 };
  st.jobs = jobs.length;
  st.jobsByWorker = new Array(workerCount).fill(0);

  // Chunks are [start, end) ranges; a failed worker's chunk goes back on the queue.
  const queue: [number, number][] = [];
  for (let start = 0; start < jobs.length; start += chunkSize)
    queue.push([start, Math.min(jobs.length, start + chunkSize)]);
  let remaining = queue.length;
  if (remaining === 0) return results;

  let settle!: () => void;
  const allDone = new Promise<void>((resolve) => (settle = resolve));
  const finishChunk = (): void => {
    remaining -= 1;
    if (remaining === 0) settle();
  };

  const inThread = async (): Promise<void> => {
    const derive = await loadInThread(ref);
    // A slice of work, then a turn of the event loop so worker messages are handled promptly.
    while (queue.length > 0) {
      const [start, end] = queue.shift()!;
      for (let i = start; i < end; i++) {
        try {
          results[i] = { ok: true, value: (await derive(...jobs[i]!)) as T };
        } catch (error) {
          results[i] = { ok: false, error: serializeError(error) };
        }
      }
      st.jobsInThread += end - start;
      finishChunk();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  // The main thread's loop: started at once when it helps, and again whenever a dead worker leaves
  // a chunk behind that no one else would pick up. A main-thread load failure rejects the call.
  let mainRunning = false;
  let rejectMain!: (error: unknown) => void;
  const mainFailed = new Promise<never>((_, reject) => (rejectMain = reject));
  mainFailed.catch(() => undefined);
  const runMain = (): void => {
    if (mainRunning) return;
    mainRunning = true;
    inThread()
      .catch(rejectMain)
      .finally(() => (mainRunning = false));
  };

  const workers: Worker[] = [];
  const url = moduleUrl(ref);
  for (let w = 0; w < workerCount; w++) {
    const worker = new Worker(BOOT_URL, { workerData: { module: url, exportName: ref.exportName } });
    st.workersStarted += 1;
    workers.push(worker);
    let inFlight: [number, number] | undefined;
    let dead = false;
    const feed = (): void => {
      const next = queue.shift();
      inFlight = next;
      if (next) worker.postMessage({ chunk: next, jobs: jobs.slice(next[0], next[1]) });
    };
    const fail = (): void => {
      if (dead) return;
      dead = true;
      st.workerFailures += 1;
      if (inFlight) queue.unshift(inFlight);
      inFlight = undefined;
      void worker.terminate();
      if (queue.length > 0) runMain();
    };
    worker.on('message', (message: { ready?: true; chunk?: [number, number]; results?: DeriveResult<T>[] }) => {
      if (message.results && message.chunk) {
        const [start] = message.chunk;
        message.results.forEach((r, k) => (results[start + k] = r));
        st.jobsByWorker[w]! += message.results.length;
        inFlight = undefined;
        finishChunk();
      }
      feed();
    });
    worker.on('error', fail);
    worker.on('exit', () => {
      if (inFlight) fail();
    });
  }

  try {
    if (mainHelps || workerCount === 0) runMain();
    await Promise.race([allDone, mainFailed]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
