// After sign-in the portal goes where the vendor's website asked (return_to), when that is a
// path of the portal or a site that LICENSOR_RETURN_URLS lists (here https://vendor.example,
// which the browser reaches through a route of the test), and home otherwise.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allowedReturnURL } from './support/env';
import { newPerson } from './support/people';
import { accountMenu, fillSignIn } from './support/ui';

// Stand-ins for the vendor's site and a foreign one: any page of either says where it is.
async function fakeSites(page: Page) {
  const foreignSites = ['https://evil.example', `${allowedReturnURL}.evil.example`];
  for (const site of [allowedReturnURL, ...foreignSites]) {
    await page.route(`${site}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>${site}</title><h1>Welcome back at ${site}</h1>`,
      }),
    );
  }
}

function loginWith(returnTo: string): string {
  return `/login?return_to=${encodeURIComponent(returnTo)}`;
}

test('an allowed site is followed after sign-in', async ({ page }) => {
  const person = await newPerson('shopper');
  await fakeSites(page);
  const target = `${allowedReturnURL}/shop/checkout?plan=pro`;
  await page.goto(loginWith(target));
  await expect(page.getByText('Sign in to continue.')).toBeVisible();
  await fillSignIn(page, person);
  await expect(page).toHaveURL(target);
  await expect(
    page.getByRole('heading', { name: `Welcome back at ${allowedReturnURL}` }),
  ).toBeVisible();
});

test('a path of the portal is followed after sign-in', async ({ page }) => {
  const person = await newPerson('returner');
  await page.goto(loginWith('/profile'));
  await fillSignIn(page, person);
  await expect(page).toHaveURL('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
});

const foreign = [
  'https://evil.example/steal',
  '//evil.example/steal',
  '/\\evil.example/steal',
  `${allowedReturnURL}@evil.example/steal`,
  `${allowedReturnURL}.evil.example/steal`,
  'javascript:alert(1)',
];

for (const returnTo of foreign) {
  test(`a foreign return_to goes home: ${returnTo}`, async ({ page, browserErrors }) => {
    // The server refuses the return_to (400) before the UI signs in without it.
    browserErrors.allow(/status of 400/);
    const person = await newPerson('wary');
    await fakeSites(page);
    await page.goto(loginWith(returnTo));
    await fillSignIn(page, person);
    await expect(page).toHaveURL('/');
    await expect(accountMenu(page, person)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  });
}
