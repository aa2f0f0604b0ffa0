import {
  formatRelativeTime,
  formatScore,
  localDayAfter,
  localDayStartIso,
} from './format';
import { formatGroupKey, isEntityRef } from './groupKeys';
import { describeError } from './errors';

describe('formatting', () => {
  it('formats scores, with a dash for none', () => {
    expect(formatScore(82.6)).toBe('83%');
    expect(formatScore(null)).toBe('—');
  });

  it('formats times relative to now', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(formatRelativeTime('2026-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-03-01T12:00:00Z', now)).toBe('9 days ago');
  });

  it('turns a local day into the start of that day', () => {
    const now = new Date(2026, 0, 31, 15, 0);
    expect(localDayAfter(1, now)).toBe('2026-02-01');
    expect(new Date(localDayStartIso('2026-02-01')).getTime()).toBe(
      new Date(2026, 1, 1).getTime(),
    );
  });

  it('shortens entity refs in the default namespace', () => {
    expect(isEntityRef('group:default/team-a')).toBe(true);
    expect(isEntityRef('production')).toBe(false);
    expect(formatGroupKey('group:default/team-a')).toBe('team-a');
    expect(formatGroupKey('system:shop/checkout')).toBe('shop/checkout');
    expect(formatGroupKey(null)).toBe('(none)');
    expect(formatGroupKey('1')).toBe('1');
  });

  it('phrases backend errors by status', () => {
    const error = Object.assign(new Error('Request failed with 403'), {
      statusCode: 403,
      body: { error: { message: 'Missing permission readiness.refresh' } },
    });
    expect(describeError(error)).toBe(
      'You are not allowed to do this: Missing permission readiness.refresh',
    );
    expect(describeError(new Error('Failed to fetch'))).toBe('Failed to fetch');
  });
});
