// The first start of the server prints a one-time setup link; opening it makes the first
// vendor admin, whom the later tests (the terms above all) sign in as. It runs before every
// other test (see the projects of playwright.config.ts).
import { expect, expectAccessible, test } from './fixtures';
import { setting } from './support/env';
import { firstAdmin } from './support/people';
import { accountMenu, passwordField, signOut } from './support/ui';

test('the setup link makes the first vendor admin, once', async ({ page, browserErrors }) => {
  const link = setting('SETUP_URL');
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Set up the first administrator' }),
  ).toBeVisible();
  await expectAccessible(page);

  // Bad input first: nothing filled, then a password that is too short.
  await page.getByRole('button', { name: 'Create the account and sign in' }).click();
  await expect(page.getByText('Enter your email address')).toBeVisible();
  await expect(page.getByText('Enter your name')).toBeVisible();
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.getByLabel('Email address').fill(firstAdmin.email);
  await page.getByLabel('Name').fill(firstAdmin.name);
  await passwordField(page, 'Password').fill('short');
  await page.getByRole('button', { name: 'Create the account and sign in' }).click();
  await expect(page.getByText('Use at least 12 characters')).toBeVisible();

  await passwordField(page, 'Password').fill(firstAdmin.password);
  await passwordField(page, 'Password').press('Enter');
  await expect(page).toHaveURL('/');
  await expect(accountMenu(page, firstAdmin)).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Terms' })).toBeVisible();
  await signOut(page, firstAdmin);

  // The link is used up: opening it again says so, and makes nobody.
  browserErrors.allow(/status of 4\d\d/);
  await page.goto(link);
  await expect(page.getByText('This setup link does not work any more')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the sign-in page' })).toBeVisible();
});
