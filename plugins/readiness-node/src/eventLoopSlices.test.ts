import { eventLoopSlices } from './eventLoopSlices';

function busyFor(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('eventLoopSlices', () => {
  it('lets a timer due during a long loop run between its steps, not only after the loop', async () => {
    const breathe = eventLoopSlices(5);
    let stepsBeforeTimer: number | undefined;
    let steps = 0;
    setTimeout(() => {
      stepsBeforeTimer = steps;
    }, 0);
    for (; steps < 20; steps++) {
      busyFor(2);
      await breathe();
    }
    expect(stepsBeforeTimer).toBeDefined();
    expect(stepsBeforeTimer!).toBeLessThan(20);
  });

  it('does not yield while the slice has time left', async () => {
    const breathe = eventLoopSlices(60_000);
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    for (let i = 0; i < 5; i++) await breathe();
    expect(ran).toBe(false);
  });
});
