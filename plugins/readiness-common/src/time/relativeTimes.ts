const RELATIVE = /^T(?:([+-])(\d+(?:\.\d+)?)([smhd]))?$/;
const UNIT_MS: Record<string, number> = { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 };

/**
 * Whether a string is a time relative to the load moment: `T`, `T-9h`,
 * `T+62d` (units s, m, h, d).
 *
 * @public
 */
export function isRelativeTime(value: string): boolean {
  return RELATIVE.test(value);
}

/**
 * Replaces strings such as `T`, `T-9h` or `T+62d` anywhere in the value by
 * ISO timestamps relative to `now`. Demo and test fixtures use this so that
 * "OOMKilled three hours ago" stays three hours ago.
 *
 * @public
 */
export function resolveRelativeTimes<T>(value: T, now: Date): T {
  if (typeof value === 'string') {
    const m = RELATIVE.exec(value);
    if (!m) return value;
    const offset = m[1]
      ? (m[1] === '-' ? -1 : 1) * Number(m[2]) * UNIT_MS[m[3]]
      : 0;
    return new Date(now.getTime() + offset)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z') as T;
  }
  if (Array.isArray(value)) {
    return value.map(v => resolveRelativeTimes(v, now)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveRelativeTimes(v, now)]),
    ) as T;
  }
  return value;
}
