/*
 * Preloaded into the bench backend (`node --require`): lets the harness move
 * the backend's clock forward to simulate days of history. `Date.now()` and
 * `new Date()` read the real clock plus `globalThis.__benchClockOffsetMs`,
 * which the bench plugin sets; timers and `performance.now()` are unaffected.
 */
const RealDate = Date;
globalThis.__benchClockOffsetMs = 0;

class BenchDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) {
      super(RealDate.now() + globalThis.__benchClockOffsetMs);
    } else {
      super(...args);
    }
  }

  static now() {
    return RealDate.now() + globalThis.__benchClockOffsetMs;
  }
}

globalThis.Date = BenchDate;
