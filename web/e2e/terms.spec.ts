// The terms and conditions: a vendor admin publishes a version, everyone signed in must accept
// it at their next request, and the admin sees who did. It runs after every other spec (the
// `terms` project of playwright.config.ts), and its tests one after the other, since each new
// version puts every signed-in user before the terms.
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { newPerson, type Person } from './support/people';
import {
  acceptancePage,
  acceptCurrentTerms,
  currentTermsVersion,
  expectSafelyRendered,
  publishTerms,
  termsInForce,
  termsText,
} from './support/terms';
import { failRequests, holdRequests } from './support/faults';
import { expectRetried } from './support/states';
import {
  accountMenu,
  confirmWithKeyboard,
  expectFits,
  fillSignIn,
  signIn,
  tabTo,
} from './support/ui';

test.describe.configure({ mode: 'default' });

/** signedInElsewhere signs person in from a browser of their own. */
async function signedInElsewhere(context: BrowserContext, person: Person) {
  const page = await context.newPage();
  await signIn(page, person);
  return page;
}

/** apiStatus is what a call of path from context answers: its status and problem code. */
async function apiStatus(context: BrowserContext, path: string) {
  const answer = await context.request.get(path);
  const body = (await answer.json()) as { code?: string };
  return { status: answer.status(), code: body.code };
}

/** signInToTerms signs person in on the sign-in page; the terms of version show at once. */
async function signInToTerms(page: Page, person: Person, version: number) {
  await page.goto('/login');
  await fillSignIn(page, person);
  await expect(page).toHaveURL('/');
  await expect(acceptancePage(page, version)).toBeVisible();
}

test('a new version must be accepted by everyone, and the admin sees who did', async ({
  page,
  browser,
  browserErrors,
}) => {
  // Until the terms are accepted, the screens' calls answer 403: that is the point.
  browserErrors.allow(/status of 403/);
  const tag = randomBytes(3).toString('hex');
  const admin = await newPerson(`publisher${tag}`, { vendorAdmin: true });
  const reader = await newPerson(`reader${tag}`);
  await acceptCurrentTerms(admin);
  await acceptCurrentTerms(reader);
  const before = await currentTermsVersion();
  const version = before + 1;
  const other = await browser.newContext();
  const readerPage = await signedInElsewhere(other, reader);

  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Terms' }).click();
  await expect(page).toHaveURL('/admin/terms');
  await expect(page.getByRole('heading', { level: 1, name: 'Terms and conditions' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Versions' });
  if (before === 0) {
    await expect(history).toContainText('No version is published yet.');
  } else {
    await expect(history.getByRole('button', { name: /^Version \d+/ })).toHaveCount(before);
  }
  await expectAccessible(page);

  // Nothing written is not published.
  const publish = page.getByRole('region', { name: 'Publish a new version' });
  await publish.getByRole('button', { name: `Publish version ${String(version)}` }).click();
  await expect(publish.getByText('Write the text of the terms first.')).toBeVisible();

  await publish.getByLabel('Text of the terms (Markdown)').fill(termsText(tag));
  await publish.getByRole('tab', { name: 'Preview' }).click();
  await expectSafelyRendered(page, publish.getByRole('tabpanel', { name: 'Preview' }), tag);
  await expectAccessible(page);

  await publish.getByRole('button', { name: `Publish version ${String(version)}` }).click();
  const dialog = page.getByRole('dialog', { name: `Publish version ${String(version)}?` });
  await expect(dialog).toContainText('Every user, you included, will have to read and accept');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Publish' }).click();

  // The publisher is the first to be asked.
  const forAdmin = acceptancePage(page, version);
  await expect(forAdmin).toBeVisible();
  await expect(page).toHaveURL('/admin/terms');
  await expectSafelyRendered(page, forAdmin, tag);

  // The reader, signed in before, is refused everything but /me and the terms themselves...
  expect(await apiStatus(other, '/api/v1/me/sessions')).toEqual({
    status: 403,
    code: 'terms_required',
  });
  expect((await apiStatus(other, '/api/v1/me')).status).toBe(200);
  expect((await apiStatus(other, '/api/v1/terms')).status).toBe(200);
  // ...and sees the terms at the next screen, in place of it.
  await accountMenu(readerPage, reader).click();
  await readerPage.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(readerPage).toHaveURL('/profile');
  const forReader = acceptancePage(readerPage, version);
  await expect(forReader).toBeVisible();
  await expectSafelyRendered(readerPage, forReader, tag);
  await expectAccessible(readerPage);
  expect((await apiStatus(other, '/api/v1/me/sessions')).status).toBe(403);
  await readerPage.getByRole('button', { name: 'I accept the terms' }).click();
  await expect(readerPage.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(readerPage.getByRole('list', { name: 'Sessions' })).toContainText('This browser');
  expect((await apiStatus(other, '/api/v1/me/sessions')).status).toBe(200);
  // A full load does not ask again.
  await readerPage.reload();
  await expect(readerPage.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await other.close();

  // The admin accepts too, and is back on the admin screen, where the new version heads the
  // history, with its publisher, and the reader's acceptance.
  await page.getByRole('button', { name: 'I accept the terms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terms and conditions' })).toBeVisible();
  const versions = history.getByRole('button', { name: /^Version \d+/ });
  await expect(versions).toHaveCount(version);
  await expect(versions.first()).toHaveText(
    new RegExp(`^Version ${String(version)} · published .+ by ${admin.name}$`),
  );
  await versions.first().click();
  await expectSafelyRendered(page, history.getByRole('region').first(), tag);
  const table = history.getByRole('table', { name: `Acceptances of version ${String(version)}` });
  const row = table.getByRole('row').filter({ hasText: reader.email });
  await expect(row.getByRole('cell')).toHaveText([reader.name, reader.email, /\d/, '127.0.0.1']);
  await expect(table.getByRole('row').filter({ hasText: admin.email })).toBeVisible();
  const at = Date.parse((await row.locator('time').getAttribute('datetime')) ?? '');
  expect(Math.abs(Date.now() - at), 'accepted within the last hour').toBeLessThan(3_600_000);
  await expectAccessible(page);
});

test('the terms can be declined, by signing out, with the keyboard on a narrow screen', async ({
  page,
}) => {
  const version = await termsInForce();
  const person = await newPerson('decliner');
  await page.setViewportSize({ width: 375, height: 740 });
  // The first sign-in shows the terms at once.
  await signInToTerms(page, person, version);
  await expect(page.getByRole('heading', { level: 1, name: 'Terms and conditions' })).toBeVisible();
  await expectFits(page);
  await expectAccessible(page);

  const decline = page.getByRole('button', { name: 'Decline and sign out' });
  await tabTo(page, decline);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);

  // Signing in again asks again; accepting with the keyboard goes on to the home page.
  await fillSignIn(page, person);
  const accept = page.getByRole('button', { name: 'I accept the terms' });
  await expect(acceptancePage(page, version)).toBeVisible();
  await tabTo(page, accept);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expectFits(page);
  expect((await page.request.get('/api/v1/me/sessions')).status()).toBe(200);
});

test('the terms that could not be loaded can be asked for again', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 503/);
  const version = await termsInForce();
  const person = await newPerson('patient');
  // The terms are held on their way, then fail (the handler added last sees a request first).
  const fault = await failRequests(page, '**/api/v1/terms');
  const held = await holdRequests(page, '**/api/v1/terms');
  await page.goto('/login');
  await fillSignIn(page, person);
  await expect(page.getByRole('status').filter({ hasText: 'Loading the terms' })).toBeAttached();
  held.stop();
  await expectRetried(page, fault, 'The terms could not be loaded');
  await expect(acceptancePage(page, version)).toBeVisible();
  await page.getByRole('button', { name: 'I accept the terms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});

test('a version published while the terms are read is the one to accept', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 409/);
  const version = await termsInForce();
  await signInToTerms(page, await newPerson('slow-reader'), version);

  const tag = randomBytes(3).toString('hex');
  const newer = await publishTerms(await newPerson('hasty', { vendorAdmin: true }), termsText(tag));
  await page.getByRole('button', { name: 'I accept the terms' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'A newer version of the terms was published a moment ago. Please read it and accept it.',
  );
  const shown = acceptancePage(page, newer);
  await expect(shown.getByRole('heading', { name: `Terms of use ${tag}` })).toBeVisible();
  await page.getByRole('button', { name: 'I accept the terms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});

test('the admin screen works with the keyboard, on a narrow screen, and when it fails', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of (403|503)/);
  const admin = await newPerson('keyboard-admin', { vendorAdmin: true });
  await acceptCurrentTerms(admin);
  const version = (await currentTermsVersion()) + 1;
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, admin);
  const fault = await failRequests(page, '**/api/v1/terms/versions');
  const held = await holdRequests(page, '**/api/v1/terms/versions');
  await page.goto('/admin/terms');
  const history = page.getByRole('region', { name: 'Versions' });
  await expect(history.getByRole('status')).toHaveText('Loading the versions');
  held.stop();
  await expectRetried(page, fault, 'The versions could not be loaded');
  await expect(history.getByRole('button', { name: /^Version \d+/ })).toHaveCount(version - 1);
  await expectFits(page);
  await expectAccessible(page);

  // Write and publish with the keyboard; Escape first closes the question without publishing.
  const tag = randomBytes(3).toString('hex');
  await tabTo(page, page.getByLabel('Text of the terms (Markdown)'));
  await page.keyboard.type(`# Terms of use ${tag}\n\nBe **kind**.`);
  const publish = page.getByRole('button', { name: `Publish version ${String(version)}` });
  await tabTo(page, publish);
  const dialog = page.getByRole('dialog', { name: `Publish version ${String(version)}?` });
  await confirmWithKeyboard(page, publish, dialog, 'Publish', () => expectFits(page));
  const accept = page.getByRole('button', { name: 'I accept the terms' });
  await expect(acceptancePage(page, version)).toContainText('Be kind.');
  await expectFits(page);
  await tabTo(page, accept);
  await page.keyboard.press('Enter');

  // The new version heads the list; it opens with the keyboard, showing its acceptances.
  const newest = history.getByRole('button', { name: /^Version \d+/ }).first();
  await expect(newest).toHaveText(new RegExp(`^Version ${String(version)} · .+ by ${admin.name}$`));
  await tabTo(page, newest, 30);
  await page.keyboard.press('Enter');
  const details = history.getByRole('region', { name: new RegExp(`^Version ${String(version)}`) });
  await expect(details.getByRole('heading', { name: `Terms of use ${tag}` })).toBeVisible();
  await expect(details.getByRole('table')).toContainText(admin.email);
  await expectFits(page);
  await expectAccessible(page);
});

test('everyone can read the terms again, every version, from the account menu', async ({
  page,
}) => {
  const tag = randomBytes(3).toString('hex');
  await termsInForce();
  const reader = await newPerson(`rereader${tag}`);
  await acceptCurrentTerms(reader);
  const version = await currentTermsVersion();
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, reader);
  await accountMenu(page, reader).click();
  await page.getByRole('menuitem', { name: 'Terms and conditions' }).click();
  await expect(page).toHaveURL('/terms');
  await expect(page.getByRole('heading', { level: 1, name: 'Terms and conditions' })).toBeVisible();
  await expect(page.getByText(`You accepted version ${String(version)}.`)).toBeVisible();
  const versions = page.getByRole('button', { name: /^Version \d+/ });
  await expect(versions).toHaveCount(version);
  await expect(versions.first()).toHaveText(new RegExp(`^Version ${String(version)} · published`));
  await tabTo(page, versions.first());
  await page.keyboard.press('Enter');
  const text = page.getByRole('region').first();
  await expect(text.getByRole('heading', { name: /^Terms of use / })).toBeVisible();
  // Who accepted a version is for the vendor's administrators only.
  await expect(page.getByRole('heading', { name: 'Accepted by' })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectFits(page);
  await expectAccessible(page);
});
