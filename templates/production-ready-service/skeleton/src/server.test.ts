import { start } from './lifecycle';

const config = { port: 0, metricsPort: 0, shutdownDelayMs: 50, featureFlags: [] };

describe('the service', () => {
  it('answers health, readiness, greeting and metrics', async () => {
    const service = await start(config);
    const base = `http://localhost:${service.port}`;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const greeting = await fetch(`${base}/v1/greeting?name=Ada`);
      expect(await greeting.json()).toEqual({ message: 'Hello, Ada!' });
      expect((await fetch(`${base}/nowhere`)).status).toBe(404);
      const metrics = await fetch(`http://localhost:${service.metricsPort}/metrics`);
      expect(await metrics.text()).toContain(
        'http_requests_total{route="/v1/greeting",code="200"} 1',
      );
    } finally {
      await service.stop();
    }
  });

  it('switches the greeting with the new-greeting flag', async () => {
    const service = await start({ ...config, featureFlags: ['new-greeting'] });
    try {
      const response = await fetch(
        `http://localhost:${service.port}/v1/greeting?name=Ada`,
      );
      expect(await response.json()).toEqual({
        message: 'Hello, Ada! Nice to see you.',
      });
    } finally {
      await service.stop();
    }
  });

  it('rejects an overlong name with 400', async () => {
    const service = await start(config);
    try {
      const response = await fetch(
        `http://localhost:${service.port}/v1/greeting?name=${'x'.repeat(101)}`,
      );
      expect(response.status).toBe(400);
    } finally {
      await service.stop();
    }
  });

  it('answers 405 to methods other than GET and 404 beside /metrics', async () => {
    const service = await start(config);
    try {
      const post = await fetch(`http://localhost:${service.port}/v1/greeting`, {
        method: 'POST',
      });
      expect(post.status).toBe(405);
      const other = await fetch(`http://localhost:${service.metricsPort}/other`);
      expect(other.status).toBe(404);
    } finally {
      await service.stop();
    }
  });

  it('reports not ready as soon as it starts shutting down', async () => {
    const service = await start({ ...config, shutdownDelayMs: 200 });
    const stopped = service.stop();
    const response = await fetch(`http://localhost:${service.port}/readyz`, {
      headers: { connection: 'close' },
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'not ready' });
    await stopped;
  });
});
