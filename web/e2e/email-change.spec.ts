import { expect, expectAccessible, test } from './fixtures';
import { mailedLink, waitForMail } from './support/mailpit';
import { newPerson, uniqueEmail } from './support/people';
import { accountMenu, clickThroughThrottle, fillSignIn, signIn, signOut } from './support/ui';

test('an address changes when the link mailed to it is opened', async ({ page, browserErrors }) => {
  const person = await newPerson('mover');
  const newEmail = uniqueEmail('moved');
  await signIn(page, person);
  await accountMenu(page, person).click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Email address' });
  await expect(section).toContainText(`Your address is ${person.email}.`);

  // Bad input: nothing, then a wrong current password.
  await section.getByRole('button', { name: 'Change the address' }).click();
  await expect(section.getByText('Enter the new address')).toBeVisible();
  await expect(section.getByText('Enter your current password')).toBeVisible();
  await section.getByLabel('New email address').fill(newEmail);
  const current = section.getByRole('textbox', { name: 'Current password', exact: true });
  await current.fill('not my password at all');
  browserErrors.allow(/status of (400|401|403|429)/);
  await section.getByRole('button', { name: 'Change the address' }).click();
  // The server's refusal shows beside the field it concerns.
  await expect(current).toHaveAccessibleDescription('Is not your current password');

  await section.getByLabel('New email address').fill(newEmail);
  await current.fill(person.password);
  // The wrong password locked the change for a second or so: the page says so, then it works.
  const change = section.getByRole('button', { name: 'Change the address' });
  expect(await clickThroughThrottle(page, change, '/api/v1/me/email')).toBe(202);
  await expect(section.getByRole('status')).toContainText(
    `We sent a confirmation link to ${newEmail}`,
  );
  // Nothing changed yet; the old address got a notice.
  await expect(section).toContainText(`Your address is ${person.email}.`);
  await waitForMail(person.email, new RegExp(newEmail.replace(/[.+]/g, '\\$&')));

  const link = await mailedLink(newEmail, '/confirm-email');
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your address is changed' }),
  ).toBeVisible();
  await expect(page.getByRole('status')).toContainText(newEmail);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Go to your profile' }).click();
  await expect(page.getByRole('region', { name: 'Email address' })).toContainText(
    `Your address is ${newEmail}.`,
  );

  // The new address signs in; the old one does not any more.
  await signOut(page, person);
  await fillSignIn(page, person);
  await expect(page.getByRole('alert')).toHaveText(
    'The email address or the password is not right.',
  );
  await fillSignIn(page, { email: newEmail, password: person.password });
  await expect(page).toHaveURL('/');
  await expect(accountMenu(page, person)).toBeVisible();

  // The link works once.
  await page.goto('/');
  await page.goto(link);
  await expect(page.getByText('This link does not work any more')).toBeVisible();
});

test('a confirmation link without its token is explained', async ({ page }) => {
  await page.goto('/confirm-email');
  await expect(page.getByText('This link is incomplete')).toBeVisible();
  await expectAccessible(page);
});
