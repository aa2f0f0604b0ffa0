import { expect, test } from '@playwright/test';

test('a client gets a greeting from the public API', async ({ request }) => {
  const response = await request.get('/v1/greeting?name=e2e');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    message: expect.stringContaining('Hello, e2e!'),
  });
});

test('the service reports ready', async ({ request }) => {
  expect((await request.get('/readyz')).status()).toBe(200);
});
