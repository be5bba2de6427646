/** The only way core code learns the time: injected, so tests and `--now` can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string | Date): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`not a valid time: ${String(iso)}`);
  return { now: () => new Date(at) };
}
