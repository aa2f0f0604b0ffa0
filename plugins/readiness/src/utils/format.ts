const DAY_MS = 24 * 60 * 60 * 1000;

/** A score as users read it: `82%`, or an em dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) {
    return '—';
  }
  return `${Math.round(score)}%`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `3 hours ago`, `yesterday`, ... relative to `now`. */
export function formatRelativeTime(
  iso: string,
  now: Date = new Date(),
): string {
  const diffMs = Date.parse(iso) - now.getTime();
  const abs = Math.abs(diffMs);
  if (abs < 60 * 1000) {
    return 'just now';
  }
  if (abs < 60 * 60 * 1000) {
    return relative.format(Math.round(diffMs / (60 * 1000)), 'minute');
  }
  if (abs < DAY_MS) {
    return relative.format(Math.round(diffMs / (60 * 60 * 1000)), 'hour');
  }
  return relative.format(Math.round(diffMs / DAY_MS), 'day');
}

/** An ISO timestamp as a readable local date and time. */
export function formatTimestamp(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** An ISO timestamp as a readable date. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });
}

/** Whole days between an ISO timestamp and `now`. */
export function ageInDays(iso: string, now: Date = new Date()): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

/** A day as `YYYY-MM-DD`, `days` before `now` (UTC). */
export function isoDayBefore(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

/** A date input value (`YYYY-MM-DD`) `days` after `now`, in local time. */
export function localDayAfter(days: number, now: Date = new Date()): string {
  const date = new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() + days,
  );
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** The start of a local day (`YYYY-MM-DD`) as an ISO timestamp. */
export function localDayStartIso(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date).toISOString();
}
