/** RATE_LIMIT_PER_USER values: "10/min", "5/30s", "100/hour", "2/sec", or "off". */
export interface Rate {
  points: number;
  seconds: number;
}

const UNITS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hr: 3600, hour: 3600, d: 86400, day: 86400 };

/** The rate, null for "off", or undefined when the text is not a rate. */
export function parseRate(text: string): Rate | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'off' || t === 'none' || t === '0') return null;
  const m = /^(\d+)\s*\/\s*(\d*)\s*([a-z]+)$/.exec(t);
  if (!m) return undefined;
  const unit = UNITS[m[3]!.replace(/s$/, '')] ?? UNITS[m[3]!];
  const points = Number(m[1]);
  const count = m[2] ? Number(m[2]) : 1;
  if (!unit || points < 1 || count < 1) return undefined;
  return { points, seconds: unit * count };
}

export function describeRate(rate: Rate): string {
  const [size, unit] =
    rate.seconds % 86400 === 0 ? [rate.seconds / 86400, 'day'] : rate.seconds % 3600 === 0 ? [rate.seconds / 3600, 'hour'] : rate.seconds % 60 === 0 ? [rate.seconds / 60, 'minute'] : [rate.seconds, 'second'];
  return `${rate.points} per ${size === 1 ? unit : `${size} ${unit}s`}`;
}
