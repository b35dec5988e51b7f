// The overview tab of an organisation and its edit form: the vendor moves a client to another
// distributor; a distributor edits its client but cannot move it; a client member only reads.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signedInAPI } from './support/api';
import { apiPath, failRequests, holdRequests } from './support/faults';
import { newDistribution } from './support/licenses';
import { addMember, createOrg, newActor, tag } from './support/orgs';
import { openOrg, openOrgList, orgList, orgTab } from './support/orgScreens';
import { newPerson } from './support/people';
import { expectRetried } from './support/states';
import { expectAtBothSizes, narrow, signIn } from './support/ui';

/** detail is the value of the overview's row labelled label. */
function detail(page: Page, label: string) {
  return page
    .getByRole('main')
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: label }) })
    .getByRole('definition');
}

test('the vendor edits a client and moves it to another distributor', async ({ page }) => {
  const t = tag();
  const vendor = await newActor('overview-vendor', { vendorAdmin: true });
  const first = await createOrg(vendor.api, { name: `Overview ${t} first`, kind: 'distributor' });
  const second = await createOrg(vendor.api, { name: `Overview ${t} second`, kind: 'distributor' });
  const client = await createOrg(vendor.api, {
    name: `Overview ${t} client`,
    kind: 'client',
    distributor_id: first.id,
    billing_email: `billing-${t}@client.example`,
  });
  await vendor.api.dispose();

  await signIn(page, vendor);
  await openOrg(page, client.name);
  await expect(detail(page, 'Kind')).toHaveText('Client');
  await expect(detail(page, 'Managing distributor')).toHaveText(first.name);
  await expect(detail(page, 'Billing email')).toHaveText(`billing-${t}@client.example`);
  await expect(detail(page, 'VAT number')).toHaveText('None');
  await expectAtBothSizes(page);

  // Bad input is said at the field, and focused.
  await page.getByRole('button', { name: 'Edit the details' }).click();
  const form = page.getByRole('form', { name: 'Edit the organisation' });
  await form.getByLabel('Name').fill(' ');
  await form.getByLabel('Billing email').fill('not an address');
  await form.getByRole('button', { name: 'Save the changes' }).click();
  await expect(form.getByText('Enter the name of the organisation')).toBeVisible();
  await expect(form.getByText('Enter an email address')).toBeVisible();
  await expect(form.getByLabel('Name')).toBeFocused();
  await expectAtBothSizes(page);

  // With the keyboard: the new values, the other distributor, and Enter to save.
  await page.keyboard.type(`${client.name} renamed`);
  await form.getByLabel('Billing email').fill(`invoices-${t}@client.example`);
  await form.getByLabel('Postal address').fill('1 Core Street\n8000 Zurich');
  await form.getByLabel('Managing distributor').selectOption({ label: second.name });
  await form.getByLabel('VAT number').fill('CHE-123.456.789');
  await form.getByLabel('VAT number').press('Enter');
  const renamed = `${client.name} renamed`;
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(detail(page, 'Managing distributor')).toHaveText(second.name);
  await expect(detail(page, 'Postal address')).toHaveText('1 Core Street\n8000 Zurich');
  await expect(detail(page, 'VAT number')).toHaveText('CHE-123.456.789');
  await expect(page.getByRole('main').getByRole('link', { name: second.name })).toBeVisible();

  // The list shows the new distributor; the vendor may also take the client over itself.
  await openOrgList(page);
  await page.getByLabel('Search by name').fill(renamed);
  await expect(orgList(page).getByRole('listitem')).toHaveCount(1);
  await expect(orgList(page).getByRole('listitem')).toContainText(`Distributor: ${second.name}`);
  await orgList(page).getByRole('link', { name: renamed }).click();
  await page.getByRole('button', { name: 'Edit the details' }).click();
  await form
    .getByLabel('Managing distributor')
    .selectOption({ label: 'None: the vendor manages it directly' });
  await form.getByRole('button', { name: 'Save the changes' }).click();
  await expect(detail(page, 'Managing distributor')).toHaveText('None');
});

test('a distributor edits its client at 375 px, without a way to move it', async ({ page }) => {
  const { client, distributorAdmin } = await newDistribution('overview-dist');
  await page.setViewportSize(narrow);
  await signIn(page, distributorAdmin);
  await openOrg(page, client.name);
  await page.getByRole('button', { name: 'Edit the details' }).click();
  const form = page.getByRole('form', { name: 'Edit the organisation' });
  await expect(form.getByLabel('Name')).toHaveValue(client.name);
  await expect(form.getByLabel('Managing distributor')).toHaveCount(0);
  await expectAtBothSizes(page);

  // Cancel keeps everything as it was.
  await form.getByLabel('VAT number').fill('DE999999999');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(detail(page, 'VAT number')).toHaveText('None');

  await page.getByRole('button', { name: 'Edit the details' }).click();
  await form.getByLabel('VAT number').fill('DE123456789');
  await form.getByRole('button', { name: 'Save the changes' }).click();
  await expect(detail(page, 'VAT number')).toHaveText('DE123456789');
  await expect(detail(page, 'Managing distributor')).toHaveText(/^Distributor /);
  await expectAtBothSizes(page);

  // Nor does the server let it: moving a client is the vendor's.
  const api = await signedInAPI(distributorAdmin);
  const moved = await api.patch(`/api/v1/orgs/${client.id}`, { data: { distributor_id: '' } });
  expect(moved.status(), await moved.text()).toBe(403);
  await api.dispose();
});

test('a client member reads the details, with nothing to edit and no log', async ({ page }) => {
  const { client, distributorAdmin } = await newDistribution('overview-member');
  const member = await newPerson('overview-member');
  const api = await signedInAPI(distributorAdmin);
  await addMember(api, client.id, member);
  await api.dispose();

  await signIn(page, member);
  await openOrg(page, client.name);
  await expect(detail(page, 'Kind')).toHaveText('Client');
  await expect(page.getByRole('button', { name: 'Edit the details' })).toHaveCount(0);
  await expect(orgTab(page, 'Members')).toBeVisible();
  await expect(orgTab(page, 'Activity')).toHaveCount(0);
  await expectAtBothSizes(page);
});

test('the organisation and its saving show their failures, and try again', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 503/);
  const { client, distributorAdmin } = await newDistribution('overview-fault');
  await signIn(page, distributorAdmin);
  const orgPath = apiPath(`/api/v1/orgs/${client.id}`);
  const failing = await failRequests(page, orgPath);
  const held = await holdRequests(page, orgPath);
  await openOrgList(page);
  await orgList(page).getByRole('link', { name: client.name }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Loading the organisation' }),
  ).toBeAttached();
  held.stop();
  await expectRetried(page, failing, 'The organisation could not be loaded');
  await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();

  // A failed save says why in the form, and the next one goes through.
  await page.getByRole('button', { name: 'Edit the details' }).click();
  const form = page.getByRole('form', { name: 'Edit the organisation' });
  await form.getByLabel('VAT number').fill('FR12345678901');
  const saving = await failRequests(page, orgPath);
  await form.getByRole('button', { name: 'Save the changes' }).click();
  await expect(form.getByRole('alert')).toContainText('The store is unreachable.');
  await expectAtBothSizes(page);
  saving.stop();
  await form.getByRole('button', { name: 'Save the changes' }).click();
  await expect(detail(page, 'VAT number')).toHaveText('FR12345678901');
});
