import { isRelativeTime, resolveRelativeTimes } from './relativeTimes';

describe('resolveRelativeTimes', () => {
  it('turns T-relative times anywhere in a value into timestamps and leaves other strings', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(
      resolveRelativeTimes(
        { a: ['T-9h', 'T+62d', 'T', 'Thursday'], b: { c: 'T-30m', d: 3 } },
        now,
      ),
    ).toEqual({
      a: [
        '2026-05-01T03:00:00Z',
        '2026-07-02T12:00:00Z',
        '2026-05-01T12:00:00Z',
        'Thursday',
      ],
      b: { c: '2026-05-01T11:30:00Z', d: 3 },
    });
  });

  it('recognises only the T, T+n<unit> and T-n<unit> forms', () => {
    expect(['T', 'T-9h', 'T+1.5d', 'T-10s'].map(isRelativeTime)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['T-9', 'T-9y', 'Today', ' T-1d'].map(isRelativeTime)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
