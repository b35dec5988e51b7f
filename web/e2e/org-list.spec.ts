// The organisation list: search by the start of a name, filter by kind, the next page, the
// distributor of each client, and the empty, loading and error states; at 375 px and wide.
import { expect, test } from './fixtures';
import { apiPath, failRequests, holdRequests } from './support/faults';
import { newDistribution } from './support/licenses';
import { createOrg, newActor, tag, type OrgRef } from './support/orgs';
import { openOrgList, orgList } from './support/orgScreens';
import { expectRetried } from './support/states';
import { newPerson } from './support/people';
import { expectAtBothSizes, narrow, signIn } from './support/ui';

/** newClients creates clients named `${prefix} client 01`... of distributor, n at a time. */
async function newClients(
  api: Parameters<typeof createOrg>[0],
  prefix: string,
  count: number,
  distributor: OrgRef,
) {
  const names = Array.from(
    { length: count },
    (_, i) => `${prefix} client ${String(i + 1).padStart(2, '0')}`,
  );
  for (let i = 0; i < names.length; i += 8) {
    await Promise.all(
      names
        .slice(i, i + 8)
        .map((name) => createOrg(api, { name, kind: 'client', distributor_id: distributor.id })),
    );
  }
}

test('the list searches by name, filters by kind and shows more, each client with its distributor', async ({
  page,
}) => {
  test.slow(); // 53 organisations to make first
  const prefix = `Roster ${tag()}`;
  const vendor = await newActor('list-vendor', { vendorAdmin: true });
  const dist = await createOrg(vendor.api, { name: `${prefix} distributor`, kind: 'distributor' });
  await newClients(vendor.api, prefix, 51, dist);
  await createOrg(vendor.api, { name: `${prefix} direct`, kind: 'client' });
  await vendor.api.dispose();

  await page.setViewportSize(narrow);
  await signIn(page, vendor);
  await openOrgList(page);
  const search = page.getByLabel('Search by name');
  await search.focus();
  await page.keyboard.type(prefix);
  const count = page.getByRole('main').getByRole('status');
  const items = orgList(page).getByRole('listitem');
  // Sorted by name, a page of 50: clients 01 to 50, then more to come.
  await expect(count).toHaveText('50+ organisations');
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText(`${prefix} client 01`);
  await expect(items.first()).toContainText(`Distributor: ${dist.name}`);
  await expect(items.first()).toContainText('Client');
  await expectAtBothSizes(page);

  const more = page.getByRole('button', { name: 'Show more' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('53 organisations');
  await expect(more).toBeHidden();
  await expect(items.filter({ hasText: `${prefix} direct` })).toContainText('No distributor');
  const distItem = items.filter({ hasText: dist.name }).last();
  await expect(distItem).toContainText('Distributor');
  await expect(distItem).not.toContainText('Distributor:');

  // The kind, by mouse then by the arrow keys; both kept in the address.
  const kinds = page.getByRole('radiogroup', { name: 'Kind' });
  await kinds.getByText('Distributors', { exact: true }).click();
  await expect(count).toHaveText('1 organisation');
  await expect(items).toHaveText([new RegExp(`^${dist.name}`)]);
  await expect(page).toHaveURL(/kind=distributor/);
  await page.getByRole('radio', { name: 'Distributors' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Clients' })).toBeChecked();
  await expect(count).toHaveText('50+ organisations');
  await page.reload();
  await expect(search).toHaveValue(prefix);
  await expect(page.getByRole('radio', { name: 'Clients' })).toBeChecked();
  await expect(count).toHaveText('50+ organisations');

  // Nothing matches.
  await search.fill(`${prefix} nobody`);
  await expect(count).toHaveText('No organisation matches this search.');
  await expect(items).toHaveCount(0);
  await expectAtBothSizes(page);
  await kinds.getByText('All', { exact: true }).click();
  await search.fill(`${prefix} dir`);
  await expect(items).toHaveText([new RegExp(`^${prefix} direct`)]);
});

test('someone of no organisation is told so, and offered nothing to create', async ({ page }) => {
  const loner = await newPerson('list-loner');
  await signIn(page, loner);
  await openOrgList(page);
  await expect(page.getByText('You have no organisation yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New organisation' })).toHaveCount(0);
  await expectAtBothSizes(page);
});

test('the list shows its wait and a failure, and tries again', async ({ page, browserErrors }) => {
  browserErrors.allow(/status of 503/);
  const { distributor, distributorAdmin } = await newDistribution('list-fault');
  await signIn(page, distributorAdmin);
  const failing = await failRequests(page, apiPath('/api/v1/orgs'));
  const held = await holdRequests(page, apiPath('/api/v1/orgs'));
  await openOrgList(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Loading the organisations' }),
  ).toBeAttached();
  await expectAtBothSizes(page);
  held.stop();
  await expectRetried(page, failing, 'The organisations could not be loaded');
  await expect(orgList(page).getByRole('link', { name: distributor.name })).toBeVisible();
});
