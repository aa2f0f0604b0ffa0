import { expect, test } from '@playwright/test';

test('a customer pays for a basket and sees the confirmation', async ({ page }) => {
  await page.goto('/checkout/demo-basket');
  await page.getByLabel('Card number').fill('4111 1111 1111 1111');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByText('Payment confirmed')).toBeVisible();
});
