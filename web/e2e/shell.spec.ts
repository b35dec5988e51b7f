import { expect, expectAccessible, test } from './fixtures';
import { failRequests } from './support/faults';

test('the shell loads with the server healthy', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers['cache-control']).toBe('no-cache');
  expect(headers['content-security-policy']).toContain("default-src 'self'");

  await expect(page.getByRole('banner')).toContainText('Licensor');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByText('Healthy')).toBeVisible();
  await expect(page).toHaveTitle('Home · Licensor');
});

test('hashed assets are cached for good, missing ones are not found', async ({ page, request }) => {
  await page.goto('/');
  const script = await page.locator('script[type="module"]').getAttribute('src');
  expect(script).toMatch(/^\/assets\//);
  const asset = await request.get(script ?? '');
  expect(asset.status()).toBe(200);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  const missing = await request.get('/assets/missing-0000.js');
  expect(missing.status()).toBe(404);
});

test('a deep link is served by the fallback and answered inside the layout', async ({ page }) => {
  const response = await page.goto('/some/deep/path');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toContain('text/html');

  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('/some/deep/path');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('navigation works with the mouse', async ({ page }) => {
  await page.goto('/some/deep/path');
  const home = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' });
  await expect(home).not.toHaveAttribute('aria-current', 'page');
  await home.click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(home).toHaveAttribute('aria-current', 'page');

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('navigation works with the keyboard, with a visible focus', async ({ page }) => {
  await page.goto('/nowhere');
  const outline = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el === null ? 'none' : getComputedStyle(el).outlineStyle;
    });

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  expect(await outline()).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await page.keyboard.press('Tab');
  const back = page.getByRole('link', { name: 'Go to the home page' });
  await expect(back).toBeFocused();
  expect(await outline()).not.toBe('none');

  await page.keyboard.press('Shift+Tab');
  const home = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' });
  await expect(home).toBeFocused();
  expect(await outline()).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
});

test('a failed health check is explained and can be retried', async ({ page, browserErrors }) => {
  browserErrors.allow(/status of 503/);
  const fault = await failRequests(page, '**/healthz');
  await page.goto('/');
  // The query cache retries a server error twice, a few seconds apart, before it shows it.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("The server's health could not be checked", {
    timeout: 15_000,
  });
  await expect(alert).toContainText('The store is unreachable.');
  await expect(alert).toContainText('req_e2e');
  await expectAccessible(page);

  fault.stop();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Healthy')).toBeVisible();
  await expect(alert).toBeHidden();
});

test('the colours follow a dark system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});
