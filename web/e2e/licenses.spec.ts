// Licenses from a distributor's side: creating one, its key shown once and copied, validated
// by the licensed software (direct HTTP calls here), regenerated, suspended one by one and
// with the whole organisation.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { setting } from './support/env';
import { newDistribution } from './support/licenses';
import { openOrg, openTab, orgTab } from './support/orgScreens';
import { expectFits, signIn } from './support/ui';

const keyPattern = /^lic_[0-9A-Za-z]{36}$/;

/** validate asks the API, as the licensed software does, what a key is worth now. */
async function validate(request: APIRequestContext, key: string) {
  const answer = await request.post('/api/v1/license/validate', {
    headers: { Authorization: `License ${key}` },
  });
  return { status: answer.status(), body: (await answer.json()) as Record<string, unknown> };
}

async function expectCode(request: APIRequestContext, key: string, code: string) {
  const { status, body } = await validate(request, key);
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body).toMatchObject({ valid: code === 'VALID', code });
}

/** shownKey reads the key that the page shows once. */
async function shownKey(page: Page): Promise<string> {
  const text = (await page.locator('[data-license-key]').textContent()) ?? '';
  expect(text.trim()).toMatch(keyPattern);
  return text.trim();
}

/** confirm clicks the action's button, then the button of the same name in the dialog. */
async function confirm(page: Page, button: string, confirmLabel = button) {
  await page.getByRole('main').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a distributor creates a license, its key validates once copied, regenerated and suspended', async ({
  page,
  context,
  request,
}) => {
  const { client, distributorAdmin } = await newDistribution('lic');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: setting('BASE_URL'),
  });
  await signIn(page, distributorAdmin);

  // No license yet: the licenses tab of the organisation's page offers to create one.
  await openOrg(page, client.name);
  await openTab(page, 'Licenses');
  await expect(page.getByText(`${client.name} has no license yet.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Create a license' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New license' })).toBeVisible();
  await expectAccessible(page);

  // What is plainly wrong is said at the fields before anything is sent.
  await page.getByLabel('Prepaid cores').fill('0');
  await page.getByLabel('Price per core').fill('-1');
  await page.getByLabel('Price per extra core').fill('12.345');
  await page.getByLabel('First day').fill('2026-03-01');
  await page.getByLabel('Last day').fill('2026-02-01');
  await page.getByRole('button', { name: 'Create the license' }).click();
  await expect(page.getByText('Enter a name for the license')).toBeVisible();
  await expect(page.getByLabel('Name')).toBeFocused();
  await expect(page.getByText('A license prepays at least 1 core')).toBeVisible();
  await expect(page.getByText('A price cannot be negative')).toBeVisible();
  await expect(page.getByText('Enter at most 2 digits after the decimal point')).toBeVisible();
  await expect(page.getByText('The last day cannot be before the first')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Name').fill('Render farm');
  await page.getByLabel('Prepaid cores').fill('16');
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('combobox', { name: 'Currency' }).fill('CHF');
  await page.getByRole('option', { name: /^CHF/ }).click();
  await page.getByLabel('Price per core').fill('10');
  await page.getByLabel('Price per extra core').fill('12.50');
  await page.getByLabel('First day').fill('2025-01-01');
  await page.getByLabel('Last day').fill('');
  await page.getByRole('button', { name: 'Create the license' }).click();

  // The key, shown this once, copied to the clipboard.
  await expect(page.getByRole('heading', { name: 'The license key' })).toBeFocused();
  await expect(page.getByText('It will not be shown again')).toBeVisible();
  const key = await shownKey(page);
  await page.getByRole('button', { name: 'Copy the key' }).click();
  await expect(page.getByRole('button', { name: 'Key copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(key);
  await expectAccessible(page);
  await expectCode(request, copied, 'VALID');

  // Afterwards, only its last 4 characters.
  await page.getByRole('link', { name: /open the license/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Render farm' })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByText(key.slice(-4), { exact: true })).toBeVisible();
  await expect(details).toContainText('16 cores');
  await expect(details).toContainText('12.50');
  await expect(details).toContainText(`by ${distributorAdmin.name}`);
  await expect(page.locator('body')).not.toContainText(key);
  await expectAccessible(page);

  // A new key: the old one fails at once, the new one works.
  await confirm(page, 'Regenerate the key');
  await expect(page.getByRole('heading', { name: 'The new license key' })).toBeFocused();
  const fresh = await shownKey(page);
  expect(fresh).not.toBe(key);
  await expect(details.getByText(fresh.slice(-4), { exact: true })).toBeVisible();
  const old = await validate(request, key);
  expect(old.status).toBe(401);
  expect(old.body).toMatchObject({ code: 'invalid_license_key' });
  await expectCode(request, fresh, 'VALID');

  // Suspended, the key validates as SUSPENDED; reinstated, as VALID again.
  await confirm(page, 'Suspend');
  await expect(
    page.getByRole('main').getByText('Suspended', { exact: true }).first(),
  ).toBeVisible();
  await expectCode(request, fresh, 'SUSPENDED');
  await confirm(page, 'Reinstate');
  await expect(page.getByRole('main').getByText('Active', { exact: true }).first()).toBeVisible();
  await expectCode(request, fresh, 'VALID');

  // The list shows the license, its prices and the key's end, never the key.
  await page.getByRole('link', { name: client.name }).click();
  await expect(orgTab(page, 'Licenses')).toHaveAttribute('aria-current', 'page');
  const list = page.getByRole('list', { name: 'Licenses' });
  const item = list.getByRole('listitem').filter({ hasText: 'Render farm' });
  await expect(item).toContainText('16 cores prepaid');
  await expect(item).toContainText('CHF');
  await expect(item).toContainText(`Key ending in ${fresh.slice(-4)}`);
  await expect(item).toContainText('Active');
  await expect(page.locator('body')).not.toContainText(fresh);

  // The client does not pay: every license of it suspended at once, then reinstated.
  await confirm(page, 'Suspend all licenses', 'Suspend them');
  await expect(page.getByText('1 license suspended.')).toBeVisible();
  await expect(item).toContainText('Suspended with its organisation');
  await expectCode(request, fresh, 'SUSPENDED');
  await expectAccessible(page);
  await confirm(page, 'Reinstate all licenses', 'Reinstate them');
  await expect(page.getByText('1 license reinstated.')).toBeVisible();
  await expect(item).toContainText('Active');
  await expectCode(request, fresh, 'VALID');
});

test('a distributor edits a license; the list and page read well at 375 px', async ({ page }) => {
  const { client, distributorAdmin } = await newDistribution('lic375');
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, distributorAdmin);
  await openOrg(page, client.name);
  await openTab(page, 'Licenses');
  await page.getByRole('link', { name: 'Create a license' }).click();
  await page.getByLabel('Name').fill('A license with a rather long name for a narrow screen');
  await page.getByLabel('Prepaid cores').fill('4');
  await page.getByLabel('Price per core').fill('5');
  await page.getByLabel('Price per extra core').fill('6');
  await expectFits(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create the license' }).click();
  await shownKey(page);
  await expectFits(page);
  await page.getByRole('link', { name: /open the license/ }).click();

  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByLabel('Price per core')).toHaveValue('5.00');
  await page.getByLabel('Prepaid cores').fill('-3');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByText('A license prepays at least 1 core')).toBeVisible();
  await page.getByLabel('Prepaid cores').fill('8');
  await page.getByLabel('Last day').fill('2099-12-31');
  await expectFits(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save the changes' }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('8 cores');
  await expect(details).toContainText('to 2099-12-31');
  await expectFits(page);
  await expectAccessible(page);

  await page.getByRole('link', { name: client.name }).click();
  await expect(orgTab(page, 'Licenses')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('list', { name: 'Licenses' })).toContainText('8 cores prepaid');
  await expectFits(page);
  await expectAccessible(page);
});
