// Steps through the organisation screens, taken as a user takes them: by the navigation, the
// list's search and the tabs, never by typing an address.
import { expect, type Page } from '@playwright/test';

// The width below which the main navigation hides behind the burger (Mantine's sm).
const burgerBelow = 768;

/** followMainNav follows an entry of the main navigation, opening the burger if need be. */
export async function followMainNav(page: Page, name: string) {
  if ((page.viewportSize()?.width ?? burgerBelow) < burgerBelow) {
    await page.getByRole('button', { name: 'Main menu' }).click();
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

/** openOrgList opens the organisation list from the main navigation. */
export async function openOrgList(page: Page) {
  await followMainNav(page, 'Organisations');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
}

/** orgList is the list of organisations on the list's page. */
export function orgList(page: Page) {
  return page.getByRole('list', { name: 'Organisations' });
}

/** openOrg finds the organisation named name in the list, by search, and opens its page. */
export async function openOrg(page: Page, name: string) {
  await openOrgList(page);
  await page.getByLabel('Search by name').fill(name);
  await orgList(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** orgTab is the link to one tab of the organisation's page. */
export function orgTab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Sections of the organisation' })
    .getByRole('link', { name, exact: true });
}

/** openTab opens a tab of the organisation's page and waits for it to be the current one. */
export async function openTab(page: Page, name: string) {
  await orgTab(page, name).click();
  await expect(orgTab(page, name)).toHaveAttribute('aria-current', 'page');
}

/** notFound is the heading of the organisation page's "not found" state. */
export function notFound(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'Organisation not found' });
}
