// The header's organisation switcher, for someone of several organisations and for the vendor.
import { expect, expectAccessible, test } from './fixtures';
import { addMember, createOrg, newActor, tag } from './support/orgs';
import { orgList } from './support/orgScreens';
import { newPerson } from './support/people';
import { expectAtBothSizes, expectFits, narrow, signIn } from './support/ui';

test('someone of three organisations switches between them with the keyboard', async ({ page }) => {
  const t = tag();
  const vendor = await newActor('switcher-vendor', { vendorAdmin: true });
  const dist = await createOrg(vendor.api, {
    name: `Switch ${t} distributor`,
    kind: 'distributor',
  });
  const one = await createOrg(vendor.api, { name: `Switch ${t} one`, kind: 'client' });
  const two = await createOrg(vendor.api, { name: `Switch ${t} two`, kind: 'client' });
  const person = await newPerson('switcher');
  await addMember(vendor.api, one.id, person);
  await addMember(vendor.api, two.id, person, 'admin');
  await addMember(vendor.api, dist.id, person);
  await vendor.api.dispose();

  await signIn(page, person);
  const switcher = page.getByRole('banner').getByRole('button', { name: /^Switch organisation/ });
  await expect(switcher).toHaveText('Organisations');
  await expectAtBothSizes(page);

  await switcher.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  for (const name of [one.name, two.name, dist.name, 'Organisation list']) {
    await expect(menu.getByRole('menuitem', { name })).toBeVisible();
  }
  await expect(menu.getByRole('menuitem')).toHaveCount(4);
  await expectAccessible(page);
  const target = menu.getByRole('menuitem', { name: two.name });
  // Down the menu, one item at a time, to the second client (the order is the server's).
  for (let i = 0; i < 4 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: two.name })).toBeVisible();
  await expect(switcher).toHaveAccessibleName(`Switch organisation, now ${two.name}`);
  await expect(switcher).toHaveText(two.name);

  // At 375 px the open menu fits the window; Escape closes it, back to the button.
  await page.setViewportSize(narrow);
  await switcher.click();
  await expect(menu.getByRole('menuitem', { name: two.name })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectFits(page);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(switcher).toBeFocused();

  await switcher.click();
  await menu.getByRole('menuitem', { name: 'Organisation list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expect(orgList(page).getByRole('listitem')).toHaveCount(3);
});

test('the vendor, of one organisation, switches to the list of all', async ({ page }) => {
  const vendor = await newActor('switcher-all', { vendorAdmin: true });
  await vendor.api.dispose();
  await signIn(page, vendor);
  const switcher = page.getByRole('banner').getByRole('button', { name: /^Switch organisation/ });
  await switcher.click();
  await page.getByRole('menuitem', { name: 'Vendor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vendor' })).toBeVisible();
  await expect(switcher).toHaveText('Vendor');
  await switcher.click();
  await page.getByRole('menuitem', { name: 'All organisations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expectAtBothSizes(page);
});
