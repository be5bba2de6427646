import type { EventEmitter } from 'node:events';

/**
 * Resolves with the first value `emitter` emits as `event` that `accept` takes; rejects with
 * `timeoutMessage()` after `timeoutMs`. The listener is removed either way.
 */
export function waitForEmitted<T>(
  emitter: EventEmitter,
  event: string,
  accept: (value: T) => boolean,
  timeoutMs: number,
  timeoutMessage: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (value: T) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(value);
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(timeoutMessage()));
    }, timeoutMs);
    emitter.on(event, listener);
  });
}

/** The error of class `type` that `fn` throws; any other outcome fails the test. */
export function thrownBy<E extends Error>(fn: () => unknown, type: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}`);
}
