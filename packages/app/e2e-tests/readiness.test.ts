import { expect, Locator, Page, test } from '@playwright/test';

/**
 * End-to-end tests of the Readiness plugin in the demo portal. The portal is
 * started by playwright.config.ts with the demo organisation of examples/
 * (payments-api reaches gold, catalog-search silver with failing gold checks);
 * the refresh engine scores it shortly after start, so the tests that need
 * scores wait for the first results.
 */

const SCREENSHOTS = 'docs/screenshots';
/** Tests that wait for the first scores get longer than the default 2 minutes. */
const SCORED_TIMEOUT = 300_000;
const PAYMENTS_API = '/catalog/default/component/payments-api';
const CATALOG_SEARCH = '/catalog/default/component/catalog-search';

/** Signs in as guest if the sign-in page shows, and waits for the portal. */
async function signInIfAsked(page: Page) {
  const enter = page.getByRole('button', { name: 'Enter' });
  const sidebarLink = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link')
    .first();
  await expect(enter.or(sidebarLink).first()).toBeVisible();
  if (await enter.isVisible()) {
    await enter.click();
  }
  await expect(sidebarLink).toBeVisible();
}

/** Waits for a dialog's fade-in to end, so that screenshots show it whole. */
async function dialogSettled(page: Page) {
  await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
}

/** Opens a page of the portal as guest. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await signInIfAsked(page);
}

/**
 * Reloads until `locator` shows: the refresh engine scores the demo
 * entities within a minute or two of the portal's start.
 */
async function reloadUntilVisible(page: Page, locator: Locator) {
  await expect(async () => {
    if (!(await locator.first().isVisible())) {
      await page.reload();
      await signInIfAsked(page);
    }
    await expect(locator.first()).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 240_000, intervals: [5_000] });
}

/** Opens an entity page once the entity has been scored. */
async function openScored(page: Page, path: string) {
  await open(page, path);
  await reloadUntilVisible(page, page.getByLabel(/^Level: /));
}

test('the sidebar links to the readiness overview', async ({ page }) => {
  await open(page, '/');

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Readiness', exact: true }).click();

  await expect(page).toHaveURL(/\/readiness$/);
  await expect(
    page.getByText(
      'Backend ok · database reachable · fact providers: kubernetes, repository',
    ),
  ).toBeVisible();
});

test('the overview groups by owner and keeps the grouping in the URL', async ({
  page,
}) => {
  test.setTimeout(SCORED_TIMEOUT);
  await open(page, '/readiness');

  await reloadUntilVisible(
    page,
    page.getByRole('heading', { name: 'By owner' }),
  );
  await expect(
    page.getByRole('link', { name: 'Payments', exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Level distribution by Owner\./ }),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/readiness-overview.png`,
    fullPage: true,
  });

  await page.getByRole('button', { name: /Group by/ }).click();
  await page.getByRole('option', { name: 'System' }).click();

  await expect(page).toHaveURL(/[?&]groupBy=system/);
  await expect(page.getByRole('heading', { name: 'By system' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'By system' })).toBeVisible();
});

test('a failing check on the overview drills down to the entities failing it', async ({
  page,
}) => {
  test.setTimeout(SCORED_TIMEOUT);
  await open(page, '/readiness');

  const failing = page.getByRole('list', { name: 'Checks failing most' });
  await reloadUntilVisible(page, failing.getByRole('button'));
  await failing.getByRole('button').first().click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('columnheader', { name: 'Why' })).toBeVisible();
  await expect(dialog.getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveURL(/[?&]check=/);
  await dialogSettled(page);
  await page.screenshot({ path: `${SCREENSHOTS}/readiness-drill-down.png` });
});

test('the Readiness tab of catalog-search shows its level and the evidence of a failing check', async ({
  page,
}) => {
  test.setTimeout(SCORED_TIMEOUT);
  await openScored(page, `${CATALOG_SEARCH}/readiness`);

  await expect(page.getByText(/^\d+ checks in \d+ categories$/)).toBeVisible();
  const failingCheck = page
    .getByRole('button', { expanded: false })
    .filter({ has: page.getByTestId('status-fail') })
    .first();
  await failingCheck.click();

  const evidence = page.getByRole('list', { name: 'Evidence' }).first();
  await expect(evidence.getByRole('listitem').first()).toBeVisible();
  await expect(evidence.getByTestId(/^status-/).first()).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/readiness-entity-tab.png`,
    fullPage: true,
  });
});

test('attesting a failing check of catalog-search changes its status and enters the audit trail', async ({
  page,
}) => {
  test.setTimeout(SCORED_TIMEOUT);
  await openScored(page, `${CATALOG_SEARCH}/readiness`);

  const row = page
    .getByRole('button', { name: /· attestation/ })
    .filter({ has: page.getByTestId('status-fail') })
    .first();
  await expect(row).toBeVisible();
  const title = await row.locator('p').first().textContent();
  await row.click();
  // "Attest again" where an earlier attestation has expired.
  await page.getByRole('button', { name: /^Attest( again)?$/ }).click();

  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(/Evidence URL/)
    .fill('https://wiki.example.com/catalog-search/threat-model');
  await dialog.getByLabel('Note').fill('Reviewed by the e2e test');
  await dialogSettled(page);
  await page.screenshot({ path: `${SCREENSHOTS}/readiness-attest-dialog.png` });
  await dialog.getByRole('button', { name: 'Attest' }).click();
  await expect(dialog).toBeHidden();

  const attested = page.getByRole('button', { name: new RegExp(title!) });
  await expect(attested.getByTestId('status-pass')).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Audit trail' })
      .getByText(/wiki\.example\.com\/catalog-search\/threat-model/),
  ).toBeVisible();
});

test('the Overview tab of payments-api shows the readiness card', async ({
  page,
}) => {
  test.setTimeout(SCORED_TIMEOUT);
  await openScored(page, PAYMENTS_API);

  const card = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Next level', { exact: true }) })
    .or(
      page
        .locator('.MuiCard-root')
        .filter({ hasText: 'Highest level reached' }),
    )
    .first();
  await expect(card).toBeVisible();
  await expect(card.getByText('score', { exact: true })).toBeVisible();
  await card.screenshot({ path: `${SCREENSHOTS}/readiness-entity-card.png` });
});

test('the team page lists the team’s services and their levels', async ({
  page,
}) => {
  test.setTimeout(SCORED_TIMEOUT);
  await open(page, '/catalog/default/group/team-payments');

  const card = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Team readiness', { exact: true }) });
  await reloadUntilVisible(
    page,
    card.getByRole('link', { name: 'payments-api' }),
  );
  await expect(card.getByLabel(/^Level: /).first()).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SCREENSHOTS}/readiness-team-card.png` });
});
