import { expect, expectAccessible, test } from './fixtures';
import { newPerson, uniqueEmail } from './support/people';
import { accountMenu, fillSignIn, passwordField, signIn, signOut } from './support/ui';

const generic = 'The email address or the password is not right.';

test('a person signs in and out', async ({ page }) => {
  const person = await newPerson('signer');
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await fillSignIn(page, person);
  await expect(page).toHaveURL('/');
  await expect(accountMenu(page, person)).toBeVisible();
  // A person of no vendor organisation sees no administration.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Terms' })).toBeHidden();

  await signOut(page, person);
  // Signed out, the profile is out of reach: the sign-in page comes back to it afterwards.
  await page.goto('/profile');
  await expect(page).toHaveURL('/login?return_to=%2Fprofile');
  await fillSignIn(page, person);
  await expect(page).toHaveURL('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
});

test('sign-in works with the keyboard alone', async ({ page }) => {
  const person = await newPerson('typist');
  await page.goto('/login');
  const email = page.getByLabel('Email address');
  await email.focus();
  await page.keyboard.type(person.email);
  await page.keyboard.press('Tab');
  await expect(passwordField(page, 'Password')).toBeFocused();
  await page.keyboard.type(person.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/');
  await expect(accountMenu(page, person)).toBeVisible();

  // The account menu opens and signs out with the keyboard too.
  await accountMenu(page, person).focus();
  await page.keyboard.press('Enter');
  const out = page.getByRole('menuitem', { name: 'Sign out' });
  await expect(out).toBeVisible();
  await out.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/login');
});

test('a refused sign-in says the same for a wrong password and an unknown address', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 401/);
  const person = await newPerson('forgetful');
  await page.goto('/login');

  // Empty fields are caught before anything is sent.
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address')).toBeVisible();
  await expect(page.getByText('Enter your password')).toBeVisible();
  await expect(page.getByLabel('Email address')).toBeFocused();

  await fillSignIn(page, { email: person.email, password: 'not the password at all' });
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(generic);
  await expectAccessible(page);
  const wrongPassword = await alert.textContent();

  await fillSignIn(page, { email: uniqueEmail('nobody'), password: 'not the password at all' });
  await expect(alert).toHaveText(generic);
  expect(await alert.textContent()).toBe(wrongPassword);
  await expect(page).toHaveURL('/login');
});

test('repeated failures are throttled, and the page says how long to wait', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of (401|429)/);
  const person = await newPerson('hasty');
  await page.goto('/login');
  const alert = page.getByRole('alert');
  // Each failure locks the address for twice as long as the one before, from 1 second: a
  // few quick tries meet the lock, however slow the machine.
  let throttled = false;
  for (let i = 0; i < 6 && !throttled; i++) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session'));
    await fillSignIn(page, { email: person.email, password: 'a wrong password, again' });
    throttled = (await answer).status() === 429;
  }
  expect(throttled, 'a sign-in answered 429').toBe(true);
  await expect(alert).toContainText(/Too many attempts\. Try again in \d+ seconds?\./);
});

test('signing in again at /login signs in as the new person', async ({ page }) => {
  const first = await newPerson('first');
  const second = await newPerson('second');
  await signIn(page, first);
  await page.goto('/login');
  await fillSignIn(page, second);
  await expect(page).toHaveURL('/');
  await expect(accountMenu(page, second)).toBeVisible();
  await expect(accountMenu(page, first)).toBeHidden();
});
