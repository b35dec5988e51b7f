// Steps that many browser tests take.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../fixtures';
import type { Person } from './people';

/**
 * passwordField is the password input labelled `label`, exactly: its visibility toggle has a
 * label with "password" in it too.
 */
export function passwordField(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

/** fillSignIn signs in on the sign-in page, which must be open. */
export async function fillSignIn(page: Page, person: Pick<Person, 'email' | 'password'>) {
  await page.getByLabel('Email address').fill(person.email);
  await passwordField(page, 'Password').fill(person.password);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
}

/** signIn opens the sign-in page, signs in and waits to be at the home page. */
export async function signIn(page: Page, person: Person) {
  await page.goto('/login');
  await fillSignIn(page, person);
  await expect(page).toHaveURL('/');
  await expect(accountMenu(page, person)).toBeVisible();
}

/** accountMenu is the header's button with the signed-in person's name. */
export function accountMenu(page: Page, person: Pick<Person, 'name'>) {
  return page.getByRole('banner').getByRole('button', { name: person.name });
}

/** signOut signs out through the header's menu and waits for the sign-in page. */
export async function signOut(page: Page, person: Pick<Person, 'name'>) {
  await accountMenu(page, person).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

/**
 * clickThroughThrottle clicks a submit button whose request goes to a path ending in `path`,
 * and, while the server answers 429 (a wrong password locks the account for a moment), waits
 * the Retry-After it sent and clicks again. It returns the last answer's status.
 */
export async function clickThroughThrottle(page: Page, button: Locator, path: string) {
  for (let i = 0; i < 5; i++) {
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(path));
    await button.click();
    const response = await answer;
    if (response.status() !== 429) return response.status();
    const wait = Number(response.headers()['retry-after'] ?? '1');
    await expect(page.getByText(/Too many attempts\. Try again in/)).toBeVisible();
    await page.waitForTimeout(wait * 1000);
  }
  throw new Error(`${path} stayed throttled`);
}

/** narrow and wide are the window sizes that every screen must read well at. */
export const narrow = { width: 375, height: 740 };
export const wide = { width: 1280, height: 800 };

/** expectFits fails when the page is wider than the window: nothing to scroll sideways. */
export async function expectFits(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page wider than the window').toBeLessThanOrEqual(0);
}

/**
 * tabTo presses Tab, at most `most` times, until `target` has the focus, as someone who uses the
 * keyboard alone moves through a page; it fails if the focus never gets there.
 */
export async function tabTo(page: Page, target: Locator, most = 15) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  await expect(target, `focused within ${String(most)} presses of Tab`).toBeFocused();
}

/**
 * confirmWithKeyboard opens a confirmation dialog from opener, which has the focus, with Enter;
 * checks that Escape closes it and gives the focus back, then opens it again and confirms with
 * the dialog's button `confirm`, reached with Tab (the dialog keeps the focus inside). While
 * the dialog is open, check runs, for what the test wants to see of it.
 */
export async function confirmWithKeyboard(
  page: Page,
  opener: Locator,
  dialog: Locator,
  confirm: string,
  check?: () => Promise<void>,
) {
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await check?.();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: confirm }), 4);
  await page.keyboard.press('Enter');
}

/**
 * expectAtBothSizes checks the page as it stands at 375 px wide and on a desktop: nothing to
 * scroll sideways, no serious accessibility violation; then gives the window its size back.
 */
export async function expectAtBothSizes(page: Page) {
  const before = page.viewportSize();
  for (const size of [narrow, wide]) {
    await page.setViewportSize(size);
    await expectFits(page);
    await expectAccessible(page);
  }
  if (before !== null) await page.setViewportSize(before);
}
