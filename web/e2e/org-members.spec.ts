// The members tab: roles changed and members removed by an admin, the last admin kept, a
// removed member shut out at their next request, and the tab's loading and error states.
import { expect, expectAccessible, test } from './fixtures';
import { apiPath, failRequests, holdRequests } from './support/faults';
import { waitForMail } from './support/mailpit';
import { addMember, createOrg, newActor, tag } from './support/orgs';
import { notFound, openOrg, openTab, orgTab } from './support/orgScreens';
import { newPerson } from './support/people';
import { expectRetried } from './support/states';
import { expectAtBothSizes, narrow, signIn } from './support/ui';

test('an admin changes roles and removes a member, and the last admin stays', async ({
  page,
  browser,
  browserErrors,
}) => {
  browserErrors.allow(/status of 409/); // the refusals to demote or remove the last admin
  const vendor = await newActor('members-vendor', { vendorAdmin: true });
  const client = await createOrg(vendor.api, { name: `Members ${tag()} client`, kind: 'client' });
  const admin = await newPerson('members-admin');
  const [mia, ron] = [await newPerson('members-mia'), await newPerson('members-ron')];
  await addMember(vendor.api, client.id, admin, 'admin');
  await addMember(vendor.api, client.id, mia);
  await addMember(vendor.api, client.id, ron);
  await vendor.api.dispose();

  // Ron looks at the members too, in a browser of his own.
  const hisContext = await browser.newContext();
  const his = await hisContext.newPage();
  browserErrors.watch(his);
  await signIn(his, ron);
  await openOrg(his, client.name);
  await openTab(his, 'Members');
  await expect(his.getByRole('combobox')).toHaveCount(0);

  await signIn(page, admin);
  await openOrg(page, client.name);
  await openTab(page, 'Members');
  const members = page.getByRole('list', { name: 'Members' }).getByRole('listitem');
  await expect(members).toHaveCount(3);
  const me = members.filter({ hasText: `${admin.name} (you)` });
  await expect(me).toContainText(admin.email);
  await expect(me).toContainText('Member since');
  await expectAtBothSizes(page);

  // The only admin can neither step down nor leave.
  const myRole = page.getByRole('combobox', { name: `Role of ${admin.name}` });
  await myRole.selectOption('member');
  const refusal = page.getByRole('alert').filter({ hasText: 'The change was refused' });
  await expect(refusal).toContainText('keeps at least one admin');
  await expect(myRole).toHaveValue('admin');
  await expectAccessible(page);
  await page.getByRole('button', { name: `Remove ${admin.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove ${admin.name}?` });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.getByRole('alert')).toContainText('keeps at least one admin');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(members).toHaveCount(3);

  // Mia becomes an admin, chosen with the keyboard, and is told by mail.
  const miaRole = page.getByRole('combobox', { name: `Role of ${mia.name}` });
  await miaRole.focus();
  await miaRole.selectOption('admin');
  await expect(refusal).toBeHidden();
  await expect(miaRole).toHaveValue('admin');
  const roleMail = await waitForMail(mia.email, /changed your role in .* from member to admin/);
  expect(roleMail.mail.subject).toBe(`Your role in ${client.name} is now admin`);

  // Ron is removed; his next request finds the organisation gone.
  await page.getByRole('button', { name: `Remove ${ron.name}` }).click();
  const removal = page.getByRole('dialog', { name: `Remove ${ron.name}?` });
  await expect(removal).toContainText('will lose access to this organisation');
  await expectAccessible(page);
  await removal.getByRole('button', { name: 'Remove' }).click();
  await expect(removal).toBeHidden();
  await expect(members).toHaveCount(2);
  await expect(members.filter({ hasText: ron.email })).toHaveCount(0);
  await waitForMail(ron.email, new RegExp(`removed you from ${client.name}`));
  browserErrors.allow(/status of 404/);
  await orgTab(his, 'Invitations').click();
  await expect(notFound(his)).toBeVisible();
  await his.reload();
  await expect(notFound(his)).toBeVisible();
  await hisContext.close();

  // With Mia an admin, stepping down is allowed; then the roles are only read.
  await myRole.selectOption('member');
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(members.filter({ hasText: mia.email })).toContainText('Admin');
  await expect(me).toContainText('Member');
  await expectAtBothSizes(page);
});

test('the members show their wait and a failure at 375 px, and try again', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 503/);
  const vendor = await newActor('members-fault', { vendorAdmin: true });
  const client = await createOrg(vendor.api, { name: `Members ${tag()} fault`, kind: 'client' });
  await vendor.api.dispose();
  await page.setViewportSize(narrow);
  await signIn(page, vendor);
  await openOrg(page, client.name);
  const parts = apiPath(`/api/v1/orgs/${client.id}/members`);
  const failing = await failRequests(page, parts);
  const held = await holdRequests(page, parts);
  await orgTab(page, 'Members').click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the members' })).toBeAttached();
  held.stop();
  await expectRetried(page, failing, 'The members could not be loaded');
  await expect(page.getByText('No member yet.')).toBeVisible();
  await expectAtBothSizes(page);
});
