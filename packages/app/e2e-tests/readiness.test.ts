import { test, expect } from '@playwright/test';

test('the readiness page shows the backend status', async ({ page }) => {
  await page.goto('/readiness');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  await expect(
    page.getByRole('heading', { name: 'Production readiness' }),
  ).toBeVisible();
  await expect(page.getByText('reachable', { exact: true })).toBeVisible();
  await expect(page.getByText('kubernetes, repository')).toBeVisible();

  await page.screenshot({
    path: 'docs/screenshots/readiness-page.png',
    fullPage: true,
  });
});

test('the sidebar links to the readiness page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Readiness', exact: true }).click();

  await expect(page).toHaveURL(/\/readiness$/);
  await expect(
    page.getByRole('heading', { name: 'Production readiness' }),
  ).toBeVisible();
});
