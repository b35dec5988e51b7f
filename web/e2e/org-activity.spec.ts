// The activity tab: an organisation's audit log, newest first, a page at a time, filtered by
// action; with its loading and error states.
import { expect, test } from './fixtures';
import { apiPath, failRequests, holdRequests } from './support/faults';
import { patchJSON } from './support/api';
import { addMember, createOrg, invite, newActor, tag } from './support/orgs';
import { openOrg, openTab } from './support/orgScreens';
import { newPerson, uniqueEmail } from './support/people';
import { expectRetried } from './support/states';
import { expectAtBothSizes, narrow, signIn } from './support/ui';

test('the log reads newest first, filters by action and shows more', async ({ page }) => {
  test.slow(); // 57 events to make first
  const vendor = await newActor('activity-vendor', { vendorAdmin: true });
  const client = await createOrg(vendor.api, { name: `Activity ${tag()}`, kind: 'client' });
  const admin = await newPerson('activity-admin');
  const mia = await newActor('activity-mia');
  await addMember(vendor.api, client.id, admin, 'admin');
  await addMember(vendor.api, client.id, mia);
  for (let i = 1; i <= 52; i++) {
    const vat = `VAT${String(i).padStart(2, '0')}`;
    await patchJSON(vendor.api, `/api/v1/orgs/${client.id}`, { vat_id: vat });
  }
  await patchJSON(vendor.api, `/api/v1/orgs/${client.id}/members/${mia.id}`, { role: 'admin' });
  await invite(vendor.api, client.id, uniqueEmail('activity-last'));
  await Promise.all([vendor.api.dispose(), mia.api.dispose()]);

  await signIn(page, admin);
  await openOrg(page, client.name);
  await openTab(page, 'Activity');
  const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
  await expect(events).toHaveCount(50);
  await expect(events.nth(0)).toContainText('invitation.created');
  await expect(events.nth(0)).toContainText(vendor.name);
  await expect(events.nth(1)).toContainText('member.role_changed');
  await expect(events.nth(1)).toContainText('member → admin');
  await expect(events.nth(2)).toContainText('org.updated');
  await expect(events.nth(2)).toContainText('VAT51 → VAT52');
  await expect(events.nth(3)).toContainText('VAT50 → VAT51');
  await expect(events.nth(0)).toContainText('success');
  await expectAtBothSizes(page);

  // The older events, the oldest last: the organisation made, then its members added.
  const more = page.getByRole('button', { name: 'Show more' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(events).toHaveCount(57);
  await expect(more).toBeHidden();
  await expect(events.last()).toContainText('org.created');
  await expect(events.last()).toContainText(client.name);
  await expect(events.nth(55)).toContainText('member.added');

  const filter = page.getByLabel('Action');
  await filter.selectOption({ label: 'Role changes' });
  await expect(page).toHaveURL(/action=member\.role_changed/);
  await expect(events).toHaveCount(1);
  // The member whose role changed is named, not given as an id.
  await expect(events).toContainText(`${vendor.name} · ${mia.name}`);
  await expect(events).not.toContainText(mia.id);
  await expect(events).toContainText('member → admin');
  await filter.selectOption({ label: 'Members: added, role changed, removed' });
  await expect(events).toHaveCount(3);
  await filter.selectOption({ label: 'Organisation changes' });
  await expect(events).toHaveCount(50);
  await more.click();
  await expect(events).toHaveCount(53);
  await filter.selectOption({ label: 'Refused requests' });
  await expect(page.getByText('No such event.')).toBeVisible();
  await expect(events).toHaveCount(0);
  await expectAtBothSizes(page);

  // The filter is kept in the address.
  await filter.selectOption({ label: 'Invitations' });
  await page.reload();
  await expect(filter).toHaveValue('invitation');
  await expect(events).toHaveCount(1);
});

test('the log shows its wait and a failure at 375 px, and tries again', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 503/);
  const vendor = await newActor('activity-fault', { vendorAdmin: true });
  const client = await createOrg(vendor.api, { name: `Activity ${tag()} f`, kind: 'client' });
  await vendor.api.dispose();
  await page.setViewportSize(narrow);
  await signIn(page, vendor);
  await openOrg(page, client.name);
  const parts = apiPath(`/api/v1/orgs/${client.id}/events`);
  const failing = await failRequests(page, parts);
  const held = await holdRequests(page, parts);
  await openTab(page, 'Activity');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the activity' })).toBeAttached();
  held.stop();
  await expectRetried(page, failing, 'The activity could not be loaded');
  const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
  await expect(events).toHaveCount(1);
  await expect(events).toContainText('org.created');
  await expectAtBothSizes(page);
});
