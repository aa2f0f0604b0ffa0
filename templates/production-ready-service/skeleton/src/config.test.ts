import { readConfig } from './config';

describe('readConfig', () => {
  it('uses the documented defaults', () => {
    expect(readConfig({})).toEqual({
      port: 8080,
      metricsPort: 9090,
      shutdownDelayMs: 5000,
      featureFlags: [],
      sentryDsn: undefined,
    });
  });

  it('reads ports, delay and flags from the environment', () => {
    expect(
      readConfig({ PORT: '3000', SHUTDOWN_DELAY_MS: '0', FEATURE_FLAGS: 'a, b' }),
    ).toMatchObject({ port: 3000, shutdownDelayMs: 0, featureFlags: ['a', 'b'] });
  });

  it('rejects a port that is not a number, naming the variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(
      'PORT must be a non-negative integer, got "eighty"',
    );
  });
});
