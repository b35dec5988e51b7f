// The profile page: the name, the password, and the browsers signed in to the account. Each
// test has people of its own, so the tests run beside the others.
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { waitForMail } from './support/mailpit';
import { newPerson, type Person } from './support/people';
import { failRequests, holdRequests } from './support/faults';
import { expectRetried } from './support/states';
import {
  accountMenu,
  clickThroughThrottle,
  confirmWithKeyboard,
  expectFits,
  signIn,
  tabTo,
} from './support/ui';

const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const safari =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/17.5 Safari/605.1.15';

/** openProfile goes to the profile through the account menu. */
async function openProfile(page: Page, person: Pick<Person, 'name'>) {
  await accountMenu(page, person).click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(page).toHaveURL('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
}

/** elsewhere signs person in from another browser, which says it is userAgent. */
async function elsewhere(browser: Browser, person: Person, userAgent?: string) {
  const context = await browser.newContext(userAgent === undefined ? {} : { userAgent });
  const page = await context.newPage();
  await signIn(page, person);
  return { context, page };
}

/** sessionsList is the list of the browsers signed in, on the profile page. */
function sessionsList(page: Page) {
  return page.getByRole('list', { name: 'Sessions' });
}

test('the name changes, and the account menu says so', async ({ page }) => {
  const person = await newPerson('renamed');
  await signIn(page, person);
  await openProfile(page, person);
  await expectAccessible(page);
  const section = page.getByRole('region', { name: 'Name' });
  const field = section.getByRole('textbox', { name: 'Name' });
  const save = section.getByRole('button', { name: 'Save the name' });
  await expect(field).toHaveValue(person.name);
  await expect(save).toBeDisabled();

  await field.fill('   ');
  await save.click();
  await expect(section.getByText('Enter your name')).toBeVisible();
  await expect(field).toBeFocused();

  const renamed = { name: 'Grace Renamed' };
  await field.fill(renamed.name);
  await save.click();
  await expect(section.getByRole('status')).toHaveText('Your name is saved.');
  await expect(accountMenu(page, renamed)).toBeVisible();
  await expect(save).toBeDisabled();
  // The server kept it.
  await page.reload();
  await expect(accountMenu(page, renamed)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Name' }).getByRole('textbox', { name: 'Name' }),
  ).toHaveValue(renamed.name);
});

test('a password change needs the current password and signs out the other browsers', async ({
  page,
  browser,
  browserErrors,
}) => {
  browserErrors.allow(/status of (400|401|429)/);
  const person = await newPerson('rekeyed');
  const other = await elsewhere(browser, person, firefox);
  await signIn(page, person);
  await openProfile(page, person);
  const section = page.getByRole('region', { name: 'Password' });
  const field = (name: string) => section.getByRole('textbox', { name, exact: true });
  const current = field('Current password');
  const change = section.getByRole('button', { name: 'Change the password' });
  const newPassword = 'a new password for the profile test';

  // The form's own checks, then the server's refusal of a wrong current password.
  await change.click();
  await expect(section.getByText('Enter your current password')).toBeVisible();
  await expect(section.getByText('Choose a password')).toBeVisible();
  await current.fill('not my password at all');
  await field('New password').fill('short');
  await change.click();
  await expect(section.getByText('Use at least 12 characters')).toBeVisible();
  await field('New password').fill(newPassword);
  await field('New password again').fill(newPassword);
  await change.click();
  await expect(current).toHaveAccessibleDescription('Is not your current password');
  await expect(current).toBeFocused();
  await expectAccessible(page);
  expect((await other.context.request.get('/api/v1/me')).status()).toBe(200);

  // The wrong password locked the change for a moment: the page says so, then it works.
  await current.fill(person.password);
  await field('New password').fill(newPassword);
  await field('New password again').fill(newPassword);
  expect(await clickThroughThrottle(page, change, '/api/v1/me/password')).toBe(204);
  await expect(section.getByRole('status')).toContainText('Your password is changed.');
  await expect(current).toHaveValue('');
  await expect(sessionsList(page).getByRole('listitem')).toHaveCount(1);
  await expect(sessionsList(page)).toContainText('This browser');
  await waitForMail(person.email, /The password of your Licensor account was changed on/);

  // The other browser is signed out at its next request, to the sign-in page.
  await openProfileSignedOut(other.page, person);
  await other.context.close();
  // This one stays signed in; the new password is the one that signs in.
  await page.reload();
  await expect(accountMenu(page, person)).toBeVisible();
  const again = await elsewhere(browser, { ...person, password: newPassword });
  await again.context.close();
  const old = await page.request.post('/api/v1/session', {
    data: { email: person.email, password: person.password },
  });
  expect(old.status()).toBe(401);
});

/** openProfileSignedOut opens the profile from the menu of a browser whose session ended. */
async function openProfileSignedOut(page: Page, person: Person) {
  await accountMenu(page, person).click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(page).toHaveURL('/login?return_to=%2Fprofile');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
}

test('the browsers signed in are listed, and signed out one by one or all at once', async ({
  page,
  browser,
}) => {
  const person = await newPerson('juggler');
  const fox = await elsewhere(browser, person, firefox);
  const mac = await elsewhere(browser, person, safari);
  await signIn(page, person);
  await openProfile(page, person);
  const items = sessionsList(page).getByRole('listitem');
  await expect(items).toHaveCount(3);
  const mine = items.filter({ hasText: 'This browser' });
  const foxItem = items.filter({ hasText: 'Firefox on Windows' });
  await expect(mine).toHaveCount(1);
  await expect(items.filter({ hasText: 'Safari on macOS' })).toHaveCount(1);
  for (const item of [mine, foxItem]) {
    await expect(item).toContainText('IP address 127.0.0.1');
    await expect(item).toContainText(/Signed in .+, last seen .+/);
    await expect(item.locator('time')).toHaveCount(2);
  }
  await expectAccessible(page);

  // One other browser: asked first, Cancel changes nothing.
  await page.getByRole('button', { name: 'Sign out Firefox on Windows' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out Firefox on Windows?' });
  await expect(dialog).toContainText('The session of Firefox on Windows at 127.0.0.1 will end');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(3);
  await page.getByRole('button', { name: 'Sign out Firefox on Windows' }).click();
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(dialog).toBeHidden();
  await expect(items).toHaveCount(2);
  await expect(foxItem).toHaveCount(0);
  await openProfileSignedOut(fox.page, person);
  expect((await mac.context.request.get('/api/v1/me')).status()).toBe(200);

  // All the others at once.
  const allOthers = page.getByRole('button', { name: 'Sign out all other browsers' });
  await allOthers.click();
  const askAll = page.getByRole('dialog', { name: 'Sign out all other browsers?' });
  await askAll.getByRole('button', { name: 'Sign them out' }).click();
  await expect(items).toHaveCount(1);
  await expect(mine).toHaveCount(1);
  await expect(page.getByText('No other browser is signed in.')).toBeVisible();
  await expect(allOthers).toBeDisabled();
  await openProfileSignedOut(mac.page, person);
  await fox.context.close();
  await mac.context.close();

  // This browser last: that signs out here, to the sign-in page.
  await page.getByRole('button', { name: 'Sign out this browser' }).click();
  await page
    .getByRole('dialog', { name: 'Sign out this browser?' })
    .getByRole('button', { name: 'Sign out' })
    .click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await page.goto('/profile');
  await expect(page).toHaveURL('/login?return_to=%2Fprofile');
});

test('the profile reads well at 375 px and works with the keyboard', async ({ page, browser }) => {
  const person = await newPerson('thumbs');
  const other = await elsewhere(browser, person, safari);
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, person);
  await openProfile(page, person);
  await expect(sessionsList(page).getByRole('listitem')).toHaveCount(2);
  await expectFits(page);
  await expectAccessible(page);

  // The name, typed and saved with Enter.
  const field = page.getByRole('region', { name: 'Name' }).getByRole('textbox', { name: 'Name' });
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Keyboard Person');
  await page.keyboard.press('Enter');
  await expect(accountMenu(page, { name: 'Keyboard Person' })).toBeVisible();

  // The other browser, signed out from the keyboard: Escape first closes the question.
  const signOutOther = page.getByRole('button', { name: 'Sign out Safari on macOS' });
  await tabTo(page, signOutOther, 30);
  const dialog = page.getByRole('dialog', { name: 'Sign out Safari on macOS?' });
  await confirmWithKeyboard(page, signOutOther, dialog, 'Sign out', () => expectFits(page));
  await expect(sessionsList(page).getByRole('listitem')).toHaveCount(1);
  expect((await other.context.request.get('/api/v1/me')).status()).toBe(401);
  await other.context.close();
  await expectFits(page);
});

test('sessions that could not be loaded, or signed out, say so', async ({
  page,
  browser,
  browserErrors,
}) => {
  browserErrors.allow(/status of 503/);
  const person = await newPerson('unlucky');
  const other = await elsewhere(browser, person, firefox);
  await signIn(page, person);
  // The list is held on its way, then fails (the handler added last sees a request first).
  const fault = await failRequests(page, '**/api/v1/me/sessions');
  const held = await holdRequests(page, '**/api/v1/me/sessions');
  await openProfile(page, person);
  const section = page.getByRole('region', { name: 'Signed-in browsers' });
  await expect(section.getByRole('status')).toHaveText('Loading the sessions');
  held.stop();
  await expectRetried(page, fault, 'The sessions could not be loaded');
  await expect(sessionsList(page).getByRole('listitem')).toHaveCount(2);

  // A sign-out that fails says why in its dialog, and the browser stays signed in.
  await failRequests(page, '**/api/v1/me/sessions/*');
  await page.getByRole('button', { name: 'Sign out Firefox on Windows' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out Firefox on Windows?' });
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The store is unreachable.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(sessionsList(page).getByRole('listitem')).toHaveCount(2);
  expect((await other.context.request.get('/api/v1/me')).status()).toBe(200);
  await other.context.close();
});
