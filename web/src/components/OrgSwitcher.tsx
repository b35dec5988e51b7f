import { AccordionChevron, Button, Menu, Text } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import { useMe } from '../api/me';

/**
 * OrgSwitcher is the header's way between the organisations of someone who belongs to
 * several (or to the vendor, who reaches every one): a menu of their memberships and the list
 * of all. Someone of one organisation does not see it; the navigation's entry suffices.
 *
 * Its menu goes without Mantine's initial focus placeholder, an element of role presentation
 * inside the role menu, which axe-core refuses; opened by the keyboard, the menu's first
 * item takes the focus.
 */
export function OrgSwitcher() {
  const me = useMe();
  const current = useMatch('/orgs/:orgId/*')?.params.orgId;
  const memberships = me.data?.memberships ?? [];
  const vendor = memberships.some((m) => m.org_kind === 'vendor');
  if (memberships.length < 2 && !vendor) return null;
  const here = memberships.find((m) => m.org_id === current);
  return (
    <Menu position="bottom-end" width={260} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          maw={180}
          rightSection={<AccordionChevron aria-hidden size={12} />}
          aria-label={`Switch organisation${here ? `, now ${here.org_name}` : ''}`}
        >
          <Text span truncate="end" inherit>
            {here?.org_name ?? 'Organisations'}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organisations</Menu.Label>
        {memberships.map((m) => (
          <Menu.Item
            key={m.org_id}
            component={Link}
            to={`/orgs/${encodeURIComponent(m.org_id)}`}
            aria-current={m.org_id === current ? 'page' : undefined}
          >
            {m.org_name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/orgs">
          {vendor ? 'All organisations' : 'Organisation list'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
