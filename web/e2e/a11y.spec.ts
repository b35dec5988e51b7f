import { expect, expectAccessible, test } from './fixtures';
import { newPerson } from './support/people';
import { accountMenu, signIn } from './support/ui';

// axe-core on every screen there is, in both colour schemes and on a narrow screen.
const pages = [
  { name: 'home', path: '/', heading: 'Home' },
  { name: 'not_found', path: '/some/deep/path', heading: 'Page not found' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, path, heading } of pages) {
    test(`${name} in ${colorScheme} has no serious accessibility violation`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      if (path === '/') await expect(page.getByText('Healthy')).toBeVisible();
      await expectAccessible(page);
    });
  }
}

test('the open mobile menu has no serious accessibility violation', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Main menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expectAccessible(page);
});

// Hovered, light buttons and the current navigation entry take a darker tint: their text must
// stay readable on it.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`hovered tints keep their contrast in ${colorScheme}`, async ({ page, browserErrors }) => {
    browserErrors.allow(/status of 503/);
    await page.emulateMedia({ colorScheme });
    await page.route('**/healthz', (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' }),
    );
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Home' })
      .hover();
    await expectAccessible(page);
    const retry = page.getByRole('alert').getByRole('button', { name: 'Try again' });
    await expect(retry).toBeVisible({ timeout: 30_000 });
    await retry.hover();
    await expectAccessible(page);
  });
}

test('the open account menu has no serious accessibility violation', async ({ page }) => {
  const person = await newPerson('a11y-menu');
  await signIn(page, person);
  await accountMenu(page, person).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Profile' })).toBeFocused();
  await expectAccessible(page);
});
