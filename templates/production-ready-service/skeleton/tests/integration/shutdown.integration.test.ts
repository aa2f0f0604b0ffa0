import { start } from '../../src/lifecycle';

describe('graceful shutdown', () => {
  it('fails readiness first, then stops accepting connections', async () => {
    const service = await start({
      port: 0,
      metricsPort: 0,
      shutdownDelayMs: 300,
      featureFlags: [],
    });
    const base = `http://localhost:${service.port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const stopped = service.stop();
    const during = await fetch(`${base}/readyz`, {
      headers: { connection: 'close' },
    });
    expect(during.status).toBe(503);
    expect((await fetch(`${base}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);

    await stopped;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
