const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30m", "1h", "2d" → milliseconds; undefined when the text is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)([mhd])$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** "1d" → "1 day", "2h" → "2 hours". */
export function describeDuration(text: string): string {
  const m = /^(\d+)([mhd])$/.exec(text.trim());
  if (!m) return text;
  const n = Number(m[1]);
  const unit = { m: 'minute', h: 'hour', d: 'day' }[m[2] as 'm' | 'h' | 'd'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
