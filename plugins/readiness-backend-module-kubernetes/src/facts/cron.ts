/**
 * The longest gap between two runs of a cron schedule, used to judge whether
 * a CronJob's or backup schedule's last success is recent enough. Supports the
 * five-field syntax with names, ranges, steps and lists, the `@hourly` ...
 * `@yearly` macros and `@every <duration>` (Velero). Computed in UTC.
 */

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
const DAYS = 'SUN MON TUE WED THU FRI SAT'.split(' ');

interface Field {
  values: Set<number>;
  restricted: boolean;
}

function parseField(
  text: string,
  min: number,
  max: number,
  names: string[] = [],
  nameOffset = 0,
): Field {
  const values = new Set<number>();
  const value = (token: string): number => {
    const index = names.indexOf(token.toUpperCase());
    const n = index >= 0 ? index + nameOffset : Number(token);
    if (!Number.isInteger(n)) throw new Error(`invalid cron value "${token}"`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) {
      throw new Error(`invalid cron step "${part}"`);
    }
    let from: number;
    let to: number;
    if (range === '*' || range === '?') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = value(a);
      to = value(b);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let n = from; n <= to; n += step) {
      values.add(max === 7 && n === 7 ? 0 : n);
    }
  }
  return { values, restricted: text !== '*' && text !== '?' };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `@every 1h30m` → seconds. */
function everySeconds(text: string): number {
  let total = 0;
  let consumed = '';
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g)) {
    total += Number(match[1]) * UNIT_SECONDS[match[2]];
    consumed += match[0];
  }
  if (!total || consumed !== text) {
    throw new Error(`invalid @every duration "${text}"`);
  }
  return total;
}

/** Intervals (or why there is none) by schedule text; many workloads share a schedule. */
const intervals = new Map<string, number | Error>();
const REMEMBERED_SCHEDULES = 10_000;

/**
 * The longest interval in seconds between two consecutive runs of the
 * schedule; throws an Error for a schedule it cannot read. Answers are
 * remembered per schedule text (up to 10,000 schedules), as working one out
 * walks eight years of days.
 */
export function maxCronIntervalSeconds(schedule: string): number {
  let known = intervals.get(schedule);
  if (known === undefined) {
    try {
      known = intervalOf(schedule);
    } catch (e) {
      known = e as Error;
    }
    if (intervals.size >= REMEMBERED_SCHEDULES) intervals.clear();
    intervals.set(schedule, known);
  }
  if (known instanceof Error) throw known;
  return known;
}

function intervalOf(schedule: string): number {
  let text = schedule.trim().replace(/^(CRON_)?TZ=\S+\s+/, '');
  if (text.startsWith('@every ')) return everySeconds(text.slice(7).trim());
  text = MACROS[text] ?? text;
  let fields = text.split(/\s+/);
  // Six fields (CloudNativePG, robfig/cron with seconds): drop the seconds.
  if (fields.length === 6) fields = fields.slice(1);
  if (fields.length !== 5) {
    throw new Error(`cron schedule "${schedule}" does not have five fields`);
  }
  const minutes = parseField(fields[0], 0, 59);
  const hours = parseField(fields[1], 0, 23);
  const dom = parseField(fields[2], 1, 31);
  const months = parseField(fields[3], 1, 12, MONTHS, 1);
  const dow = parseField(fields[4], 0, 7, DAYS, 0);

  const minutesOfDay: number[] = [];
  for (const h of [...hours.values].sort((a, b) => a - b)) {
    for (const m of [...minutes.values].sort((a, b) => a - b)) {
      minutesOfDay.push(h * 60 + m);
    }
  }
  if (minutesOfDay.length === 0)
    throw new Error(`cron "${schedule}" never runs`);
  let maxInDay = 0;
  for (let i = 1; i < minutesOfDay.length; i++) {
    maxInDay = Math.max(maxInDay, minutesOfDay[i] - minutesOfDay[i - 1]);
  }
  const first = minutesOfDay[0];
  const last = minutesOfDay[minutesOfDay.length - 1];

  const dayMatches = (date: Date): boolean => {
    if (!months.values.has(date.getUTCMonth() + 1)) return false;
    const byDom = dom.values.has(date.getUTCDate());
    const byDow = dow.values.has(date.getUTCDay());
    if (dom.restricted && dow.restricted) return byDom || byDow;
    if (dom.restricted) return byDom;
    if (dow.restricted) return byDow;
    return true;
  };

  // Two leap-year cycles' worth of days covers every calendar pattern.
  const start = Date.UTC(2024, 0, 1);
  let previousDay: number | undefined;
  let maxGap = 0;
  for (let day = 0; day < 366 * 8; day++) {
    if (!dayMatches(new Date(start + day * 86_400_000))) continue;
    if (previousDay !== undefined) {
      maxGap = Math.max(maxGap, (day - previousDay) * 1440 + first - last);
    }
    maxGap = Math.max(maxGap, maxInDay);
    previousDay = day;
  }
  if (previousDay === undefined)
    throw new Error(`cron "${schedule}" never runs`);
  if (maxGap === 0) maxGap = 1440;
  return maxGap * 60;
}
