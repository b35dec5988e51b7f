import { expect, expectAccessible, test } from './fixtures';
import { mailedLink, mailsTo } from './support/mailpit';
import { newPerson, uniqueEmail } from './support/people';
import { accountMenu, clickThroughThrottle, fillSignIn, passwordField, signIn } from './support/ui';

test('a forgotten password is reset through the mailed link', async ({ page, browserErrors }) => {
  browserErrors.allow(/status of (401|429)/);
  const person = await newPerson('amnesiac');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL('/forgot-password');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Mail me a link' }).click();
  await expect(page.getByText('Enter your email address')).toBeVisible();
  await page.getByLabel('Email address').fill(person.email);
  await page.getByRole('button', { name: 'Mail me a link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your mail' })).toBeVisible();
  const said = await page.getByRole('status').textContent();

  const link = await mailedLink(person.email, '/reset-password');
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
  ).toBeVisible();
  await expectAccessible(page);
  const newPassword = 'a brand new password for the reset';
  await passwordField(page, 'New password').fill(newPassword);
  await passwordField(page, 'New password again').fill('not the same password at all');
  await page.getByRole('button', { name: 'Set the password' }).click();
  await expect(page.getByText('The two passwords are not the same')).toBeVisible();
  await passwordField(page, 'New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Set the password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your password is set' })).toBeVisible();

  // The reset does not sign in; the old password is refused and the new one works.
  await expect(accountMenu(page, person)).toBeHidden();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in with the new password' }).click();
  await fillSignIn(page, person);
  await expect(page.getByRole('alert')).toHaveText(
    'The email address or the password is not right.',
  );
  // The wrong password locked the address for a moment: the page says so, then it works.
  await page.getByLabel('Email address').fill(person.email);
  await passwordField(page, 'Password').fill(newPassword);
  const button = page.getByRole('main').getByRole('button', { name: 'Sign in' });
  expect(await clickThroughThrottle(page, button, '/api/v1/session')).toBe(200);
  await expect(page).toHaveURL('/');
  await expect(accountMenu(page, person)).toBeVisible();

  // The link works once.
  await page.goto('/');
  await page.goto(link);
  await passwordField(page, 'New password').fill('yet another new password');
  await passwordField(page, 'New password again').fill('yet another new password');
  browserErrors.allow(/status of 4\d\d/);
  await page.getByRole('button', { name: 'Set the password' }).click();
  await expect(page.getByText(/does not work any more/)).toBeVisible();

  // An unknown address gets the same words, and no mail.
  const nobody = uniqueEmail('nobody');
  await page.goto('/forgot-password');
  await page.getByLabel('Email address').fill(nobody);
  await page.getByRole('button', { name: 'Mail me a link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your mail' })).toBeVisible();
  expect(await page.getByRole('status').textContent()).toBe(said?.replace(person.email, nobody));
  expect(await mailsTo(nobody)).toEqual([]);
});

test('a reset ends the sessions of every browser', async ({ browser, page }) => {
  const person = await newPerson('reset');
  await signIn(page, person);
  const other = await browser.newContext();
  const request = other.request;
  const asked = await request.post('/api/v1/password-resets', { data: { email: person.email } });
  expect(asked.status()).toBe(202);
  const link = await mailedLink(person.email, '/reset-password');
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await passwordField(otherPage, 'New password').fill('the password after the reset');
  await passwordField(otherPage, 'New password again').fill('the password after the reset');
  await otherPage.getByRole('button', { name: 'Set the password' }).click();
  await expect(
    otherPage.getByRole('heading', { level: 1, name: 'Your password is set' }),
  ).toBeVisible();
  await other.close();

  // The first browser's session ended: its next visit to the profile asks to sign in.
  await page.goto('/profile');
  await expect(page).toHaveURL('/login?return_to=%2Fprofile');
});
