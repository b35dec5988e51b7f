// The organisations story of issue 4, end to end with the mails that Mailpit received: the
// vendor makes a distributor and invites its first admin, who signs up through the mailed link;
// that admin makes a client and invites its first employee, who signs up the same way; the
// employee adds a colleague who has an account; and nobody reaches an organisation that is not
// theirs, whatever address they type.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { signedInAPI } from './support/api';
import { mailedLink, waitForMail } from './support/mailpit';
import { addMember, createOrg, newActor, tag } from './support/orgs';
import { notFound, openOrgList, openTab, orgList } from './support/orgScreens';
import { newPerson, uniqueEmail, type Person } from './support/people';
import { accountMenu, expectAtBothSizes, passwordField, signIn, signOut } from './support/ui';

/** newcomer is someone without an account yet, with the name and password they will choose. */
function newcomer(label: string, name: string): Person {
  const password = `the password of ${label} ${randomBytes(3).toString('hex')}`;
  return { email: uniqueEmail(label), name, password };
}

/**
 * createOrgInUI makes an organisation through the list's "New organisation" form, and returns
 * its id, read from the address of the page it ends on.
 */
async function createOrgInUI(page: Page, name: string, kind?: 'Distributor' | 'Client') {
  await openOrgList(page);
  await page.getByRole('link', { name: 'New organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New organisation' })).toBeVisible();
  if (kind !== undefined) await page.getByRole('radio', { name: kind }).check();
  const create = page.getByRole('button', { name: 'Create the organisation' });
  await create.click();
  await expect(page.getByText('Enter the name of the organisation')).toBeVisible();
  await expect(page.getByLabel('Name')).toBeFocused();
  await expectAtBothSizes(page);
  await page.getByLabel('Name').fill(name);
  await create.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return /\/orgs\/([^/]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
}

/** inviteInUI invites an address on the open organisation's invitations tab. */
async function inviteInUI(page: Page, email: string, role: 'Admin' | 'Member') {
  await openTab(page, 'Invitations');
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Role').selectOption({ label: role });
  await form.getByRole('button', { name: 'Send the invitation' }).click();
}

/**
 * joinThroughMail opens the invitation mailed to person, signed out, checks what it says of
 * the inviter and the organisation, and makes the account; it ends signed in on its page.
 */
async function joinThroughMail(page: Page, person: Person, by: Person, orgName: string) {
  const link = await mailedLink(person.email, '/invitation');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: `Join ${orgName}` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    `${by.name} (${by.email}) invites you to join ${orgName}`,
  );
  await expect(page.getByLabel('Email address')).toHaveValue(person.email);
  await expectAtBothSizes(page);
  await page.getByLabel('Name').fill(person.name);
  await passwordField(page, 'Password').fill(person.password);
  await page.getByRole('button', { name: 'Create the account and join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: orgName })).toBeVisible();
  await expect(accountMenu(page, person)).toBeVisible();
  await openTab(page, 'Members');
  const me = page.getByRole('list', { name: 'Members' }).getByRole('listitem');
  await expect(me.filter({ hasText: `${person.name} (you)` })).toContainText(person.email);
}

test('a distribution grows through mailed invitations, each person reaching only their own', async ({
  page,
  browser,
  browserErrors,
}) => {
  test.slow();
  const t = tag();
  const [distName, clientName] = [`Story ${t} distributor`, `Story ${t} client`];
  const vendor = await newPerson('story-vendor', { vendorAdmin: true });
  const distAdmin = newcomer('story-dist', 'Dora Distributor');
  const employee = newcomer('story-employee', 'Emil Employee');

  // The vendor makes the distributor and invites its first admin, who has no account.
  await signIn(page, vendor);
  const distId = await createOrgInUI(page, distName, 'Distributor');
  await inviteInUI(page, distAdmin.email, 'Admin');
  await expect(page.getByText(`An invitation was mailed to ${distAdmin.email}.`)).toBeVisible();
  const sent = page.getByRole('list', { name: 'Invitations' }).getByRole('listitem');
  await expect(sent.filter({ hasText: distAdmin.email })).toContainText('Pending');
  await expect(sent.filter({ hasText: distAdmin.email })).toContainText('Admin, invited by');
  await signOut(page, vendor);

  // The link makes the account and signs in (invitation-terms.spec.ts: with terms to accept).
  await joinThroughMail(page, distAdmin, vendor, distName);

  // That admin makes a client, which the distributor manages, and invites its first employee.
  await createOrgInUI(page, clientName);
  await expect(page.getByRole('main').getByRole('link', { name: distName })).toBeVisible();
  await inviteInUI(page, employee.email, 'Member');
  await expect(page.getByText(`An invitation was mailed to ${employee.email}.`)).toBeVisible();
  await signOut(page, distAdmin);
  await joinThroughMail(page, employee, distAdmin, clientName);

  // A colleague with an account, a member of another organisation, is signed in elsewhere.
  const colleague = await newActor('story-colleague');
  const asVendor = await signedInAPI(vendor);
  const elsewhere = await createOrg(asVendor, { name: `Story ${t} elsewhere`, kind: 'client' });
  await addMember(asVendor, elsewhere.id, colleague);
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  browserErrors.watch(theirPage);
  await signIn(theirPage, colleague);
  await openOrgList(theirPage);
  await expect(orgList(theirPage)).toContainText(elsewhere.name);
  await expect(orgList(theirPage)).not.toContainText(clientName);
  const switcher = theirPage.getByRole('button', { name: /^Switch organisation/ });
  await expect(switcher).toBeHidden();

  // The employee invites the colleague, who joins at once and is told by mail.
  await inviteInUI(page, colleague.email, 'Member');
  await expect(
    page.getByText(
      `${colleague.email} has an account and is now a member; they were told by mail.`,
    ),
  ).toBeVisible();
  const joined = await waitForMail(colleague.email, new RegExp(`added you to ${clientName}`));
  expect(joined.mail.subject).toBe(`You now belong to ${clientName} on Licensor`);
  expect(joined.mail.text).toContain(`${employee.name} (${employee.email})`);

  // At the colleague's next page load, the client is theirs: in the list and the switcher.
  await theirPage.reload();
  await expect(orgList(theirPage)).toContainText(clientName);
  await switcher.click();
  await theirPage.getByRole('menuitem', { name: clientName }).click();
  await expect(theirPage.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  await expect(switcher).toHaveAccessibleName(`Switch organisation, now ${clientName}`);
  await theirs.close();

  // A member of the client typing the address of another client, or of its distributor, is
  // told "not found", exactly as for an organisation that does not exist.
  browserErrors.allow(/status of 404/);
  const asDist = await signedInAPI(distAdmin);
  const sibling = await createOrg(asDist, {
    name: `Story ${t} sibling`,
    kind: 'client',
    distributor_id: distId,
  });
  for (const id of [sibling.id, distId, 'org_nonexistent']) {
    await page.goto(`/orgs/${id}`);
    await expect(notFound(page)).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(sibling.name);
  }
  await page.goto(`/orgs/${sibling.id}/members`);
  await expect(notFound(page)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Go to your organisations' }).click();
  await expect(orgList(page)).toContainText(clientName);
  await expect(orgList(page).getByRole('listitem')).toHaveCount(1);
  await Promise.all([asVendor.dispose(), asDist.dispose(), colleague.api.dispose()]);
});
