// The invitations tab: invitations sent, refused, resent (the old link then says it stopped
// working), revoked and accepted, each with its state; what a plain member may do there; and
// the tab's loading and error states.
import { expect, expectAccessible, test } from './fixtures';
import { apiPath, failRequests, holdRequests } from './support/faults';
import { mailedLink } from './support/mailpit';
import { addMember, createOrg, invite, newActor, tag } from './support/orgs';
import { openOrg, openTab } from './support/orgScreens';
import { newPerson, uniqueEmail } from './support/people';
import { expectRetried } from './support/states';
import { expectAtBothSizes, narrow, passwordField, signIn } from './support/ui';

test('an admin invites, resends and revokes; the old links say they stopped working', async ({
  page,
  browser,
  browserErrors,
}) => {
  test.slow();
  browserErrors.allow(/status of 409/); // the address invited twice
  const vendor = await newActor('invitations-vendor', { vendorAdmin: true });
  const client = await createOrg(vendor.api, { name: `Invitations ${tag()}`, kind: 'client' });
  const admin = await newPerson('invitations-admin');
  await addMember(vendor.api, client.id, admin, 'admin');
  await vendor.api.dispose();
  const [nina, otto] = [uniqueEmail('invitations-nina'), uniqueEmail('invitations-otto')];

  await signIn(page, admin);
  await openOrg(page, client.name);
  await openTab(page, 'Invitations');
  await expect(page.getByText('Nobody has been invited yet.')).toBeVisible();
  await expectAtBothSizes(page);

  const form = page.getByRole('form', { name: 'Invite someone' });
  const email = form.getByLabel('Email address');
  const send = form.getByRole('button', { name: 'Send the invitation' });
  await email.fill('not an address');
  await send.click();
  await expect(form.getByText('Enter an email address')).toBeVisible();
  await expect(email).toBeFocused();
  await email.fill(nina);
  await email.press('Enter');
  await expect(form.getByRole('status')).toHaveText(`An invitation was mailed to ${nina}.`);
  await email.fill(nina);
  await send.click();
  await expect(form.getByRole('alert')).toHaveText(
    'This address is a member already, or has an invitation waiting.',
  );
  await email.fill(otto);
  await form.getByLabel('Role').selectOption('admin');
  await send.click();
  await expect(form.getByRole('status')).toHaveText(`An invitation was mailed to ${otto}.`);

  const items = page.getByRole('list', { name: 'Invitations' }).getByRole('listitem');
  const ninas = items.filter({ hasText: nina });
  const ottos = items.filter({ hasText: otto });
  await expect(ninas).toContainText(`Member, invited by ${admin.name}`);
  await expect(ninas).toContainText('Pending');
  await expect(ottos).toContainText(`Admin, invited by ${admin.name}`);

  // A resend mails a new link; a revoke ends one.
  const first = await mailedLink(nina, '/invitation');
  await ninas.getByRole('button', { name: `Resend the invitation to ${nina}` }).click();
  await expect(ninas.getByRole('status')).toHaveText('A new link was mailed.');
  await expect(ninas).toContainText('sent 2 times');
  const second = await mailedLink(nina, '/invitation', first);
  const ottosLink = await mailedLink(otto, '/invitation');
  await ottos.getByRole('button', { name: `Revoke the invitation to ${otto}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke the invitation?' });
  await expect(dialog).toContainText(`The link mailed to ${otto} will stop working.`);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toBeHidden();
  await expect(ottos).toContainText('Revoked');
  await expect(ottos.getByRole('button')).toHaveCount(0);
  await expectAtBothSizes(page);

  // The links, in the invitees' browser: the replaced and the revoked ones explain themselves.
  const theirs = await browser.newContext();
  const their = await theirs.newPage();
  browserErrors.watch(their);
  browserErrors.allow(/status of 4\d\d/);
  for (const link of [first, ottosLink]) {
    await their.goto(link);
    await expect(their.getByText('This invitation does not work any more')).toBeVisible();
    await expect(their.getByRole('main')).toContainText(
      'stops working when it is revoked or sent again',
    );
    await expect(their.getByRole('link', { name: 'Go to the sign-in page' })).toBeVisible();
  }
  await expectAccessible(their);
  await their.goto(second);
  await their.getByLabel('Name').fill('Nina Newcomer');
  await passwordField(their, 'Password').fill(`the password of nina ${tag()}`);
  await their.getByRole('button', { name: 'Create the account and join' }).click();
  await expect(their.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  await theirs.close();

  await page.reload();
  await expect(ninas).toContainText('Accepted');
  await expect(ninas.getByRole('button')).toHaveCount(0);
  await expectAtBothSizes(page);
});

test('a member at 375 px invites as member only, and revokes nothing', async ({ page }) => {
  const vendor = await newActor('invitations-member', { vendorAdmin: true });
  const client = await createOrg(vendor.api, { name: `Invitations ${tag()} m`, kind: 'client' });
  const [asMember, asAdmin] = [uniqueEmail('inv-as-member'), uniqueEmail('inv-as-admin')];
  await invite(vendor.api, client.id, asMember, 'member');
  await invite(vendor.api, client.id, asAdmin, 'admin');
  const member = await newPerson('invitations-plain');
  await addMember(vendor.api, client.id, member);
  await vendor.api.dispose();

  await page.setViewportSize(narrow);
  await signIn(page, member);
  await openOrg(page, client.name);
  await openTab(page, 'Invitations');
  const role = page.getByRole('form', { name: 'Invite someone' }).getByLabel('Role');
  await expect(role.getByRole('option')).toHaveText(['Member']);
  const items = page.getByRole('list', { name: 'Invitations' }).getByRole('listitem');
  const memberInvite = items.filter({ hasText: asMember });
  await expect(memberInvite.getByRole('button', { name: /^Resend/ })).toBeVisible();
  await expect(memberInvite.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
  await expect(items.filter({ hasText: asAdmin }).getByRole('button')).toHaveCount(0);
  await expectAtBothSizes(page);
});

test('the invitations show their wait and a failure, and try again', async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 503/);
  const vendor = await newActor('invitations-fault', { vendorAdmin: true });
  const client = await createOrg(vendor.api, { name: `Invitations ${tag()} f`, kind: 'client' });
  await vendor.api.dispose();
  await signIn(page, vendor);
  await openOrg(page, client.name);
  const parts = apiPath(`/api/v1/orgs/${client.id}/invitations`);
  const failing = await failRequests(page, parts);
  const held = await holdRequests(page, parts);
  await openTab(page, 'Invitations');
  await expect(
    page.getByRole('status').filter({ hasText: 'Loading the invitations' }),
  ).toBeAttached();
  held.stop();
  await expectRetried(page, failing, 'The invitations could not be loaded');
  await expect(page.getByText('Nobody has been invited yet.')).toBeVisible();
});
