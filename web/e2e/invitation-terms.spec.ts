// Joining through an invitation once terms are published: the form shows them and refuses to
// make the account until they are accepted. It publishes a version of the terms, which puts
// every signed-in user before them: it runs in the terms project, after every other test and
// one file at a time.
import { expect, expectAccessible, test } from './fixtures';
import { mailedLink } from './support/mailpit';
import { createOrg, invite, newActor, tag } from './support/orgs';
import { uniqueEmail } from './support/people';
import { acceptCurrentTerms, publishTerms } from './support/terms';
import { accountMenu, passwordField } from './support/ui';

test('an invitation is accepted with the current terms, and not without', async ({ page }) => {
  const t = tag();
  const vendor = await newActor('terms-vendor', { vendorAdmin: true });
  const text = `# Terms ${t}\n\nThe licensee pays for every core that it runs.`;
  const version = await publishTerms(vendor, text);
  await acceptCurrentTerms(vendor);
  const client = await createOrg(vendor.api, { name: `Terms ${t} client`, kind: 'client' });
  const email = uniqueEmail('terms-newcomer');
  expect(await invite(vendor.api, client.id, email)).toBe('invited');

  await page.goto(await mailedLink(email, '/invitation'));
  await expect(page.getByRole('heading', { level: 1, name: `Join ${client.name}` })).toBeVisible();
  const terms = page.getByRole('region', { name: `Terms, version ${String(version)}` });
  await expect(terms.getByRole('heading', { name: `Terms ${t}` })).toBeVisible();
  await expect(terms).toContainText('pays for every core');
  await page.getByLabel('Name').fill('Terry Terms');
  await passwordField(page, 'Password').fill(`the password of terry ${t}`);
  await page.getByRole('button', { name: 'Create the account and join' }).click();
  await expect(page.getByText('Accept the terms to join')).toBeVisible();
  await expectAccessible(page);

  const accept = page.getByRole('checkbox', {
    name: `I accept the terms and conditions (version ${String(version)})`,
  });
  await accept.focus();
  await page.keyboard.press('Space');
  await expect(accept).toBeChecked();
  await page.getByRole('button', { name: 'Create the account and join' }).click();
  // Signed in with the terms accepted: the organisation, not the terms gate.
  await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  await expect(accountMenu(page, { name: 'Terry Terms' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  await vendor.api.dispose();
});
