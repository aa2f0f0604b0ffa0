import { ConfigReader } from '@backstage/config';
import { readRefreshOptions } from './config';

const MINUTE = 60 * 1000;

describe('readRefreshOptions', () => {
  it('retries a failed batch after 5 minutes by default', () => {
    const options = readRefreshOptions(new ConfigReader({}));
    expect(options.retryDelayMs).toBe(5 * MINUTE);
    expect(options.intervalMs).toBe(60 * MINUTE);
  });

  it('reads readiness.refresh.retryDelay and never waits longer than the interval', () => {
    const read = (refresh: object) =>
      readRefreshOptions(new ConfigReader({ readiness: { refresh } }));
    expect(read({ retryDelay: '30s' }).retryDelayMs).toBe(30 * 1000);
    expect(read({ retryDelay: { hours: 2 }, interval: '20m' })).toMatchObject({
      intervalMs: 20 * MINUTE,
      retryDelayMs: 20 * MINUTE,
    });
  });
});
