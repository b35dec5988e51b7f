// The loading, error and not-found states of the license screens.
import { expect, expectAccessible, test } from './fixtures';
import { failRequests, holdRequests } from './support/faults';
import { signedInAPI } from './support/api';
import { newDistribution } from './support/licenses';
import { signIn } from './support/ui';

const terms = {
  name: 'Build servers',
  prepaid_cores: 8,
  core_price: 1000,
  extra_core_price: 1500,
  currency: 'EUR',
  starts_on: '2026-01-01',
};

test('the license screens say they load, explain a failure and recover', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 503/);
  const { client, distributorAdmin } = await newDistribution('licstates');
  const api = await signedInAPI(distributorAdmin);
  const created = await api.post(`/api/v1/orgs/${client.id}/licenses`, { data: terms });
  expect(created.status(), await created.text()).toBe(201);
  const license = (await created.json()) as { id: string };
  await api.dispose();
  await signIn(page, distributorAdmin);

  // While the list is on its way, the page says so.
  const held = await holdRequests(page, `**/api/v1/orgs/${client.id}/licenses*`);
  await page.goto(`/orgs/${client.id}/licenses`);
  await expect(page.getByRole('status').filter({ hasText: 'Loading the licenses' })).toBeAttached();
  held.stop();
  await expect(page.getByRole('list', { name: 'Licenses' })).toContainText('Build servers');
  await page.unrouteAll({ behavior: 'wait' });

  // A failed list is explained, with its reference, and a retry brings it.
  const listFault = await failRequests(page, `**/api/v1/orgs/${client.id}/licenses*`);
  await page.reload();
  const alert = page.getByRole('alert');
  // The query cache retries a server error twice, a few seconds apart, before it shows it.
  await expect(alert).toContainText('The licenses could not be loaded', { timeout: 15_000 });
  await expect(alert).toContainText('The store is unreachable.');
  await expect(alert).toContainText('req_e2e');
  await expectAccessible(page);
  listFault.stop();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('list', { name: 'Licenses' })).toContainText('Build servers');

  // The same for the license itself.
  const pageFault = await failRequests(page, `**/api/v1/licenses/${license.id}`);
  await page.goto(`/licenses/${license.id}`);
  await expect(alert).toContainText('The license could not be loaded', { timeout: 15_000 });
  await expectAccessible(page);
  pageFault.stop();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Build servers' })).toBeVisible();
});

test('a license that does not exist, or is out of reach, is not found', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 404/);
  const mine = await newDistribution('licmine');
  const theirs = await newDistribution('lictheirs');
  const api = await signedInAPI(theirs.distributorAdmin);
  const created = await api.post(`/api/v1/orgs/${theirs.client.id}/licenses`, { data: terms });
  expect(created.status(), await created.text()).toBe(201);
  const foreign = (await created.json()) as { id: string };
  await api.dispose();

  await signIn(page, mine.distributorAdmin);
  for (const id of [foreign.id, 'lic_0000000000000000000000']) {
    await page.goto(`/licenses/${id}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('No such license');
    await expect(alert.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('Build servers');
  }
  await expectAccessible(page);
});
