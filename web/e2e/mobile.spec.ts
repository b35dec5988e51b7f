import { expect, test } from './fixtures';

test.use({ viewport: { width: 375, height: 740 } });

test('a narrow screen hides the navigation behind the burger', async ({ page }) => {
  await page.goto('/nowhere');
  const burger = page.getByRole('button', { name: 'Main menu' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(burger).toBeVisible();
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  await burger.click();
  await expect(burger).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  // The open menu covers the screen below the header, down to the bottom of the window.
  const box = await nav.boundingBox();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThanOrEqual(740 - 1);

  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
});

test('the burger works with the keyboard, and Escape closes the menu', async ({ page }) => {
  await page.goto('/nowhere');
  const burger = page.getByRole('button', { name: 'Main menu' });
  const nav = page.getByRole('navigation', { name: 'Main' });

  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab');
  await expect(burger).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nav).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(burger).toBeFocused();

  await page.keyboard.press('Space');
  await expect(nav).toBeVisible();
  await page.keyboard.press('Tab'); // the product name
  await page.keyboard.press('Tab'); // the header's Sign in
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Home' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(nav).toBeHidden();
});

test('a wide screen shows the navigation without a burger', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Main menu' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
