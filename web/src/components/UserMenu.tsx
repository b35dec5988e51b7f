import { AccordionChevron, Button, Menu, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useMe } from '../api/me';
import { useSignOut } from '../api/session';
import { loginPath } from '../auth/returnTo';

/**
 * UserMenu is the header's corner: the signed-in user's name opening a menu (Profile, Sign
 * out), or a way to sign in. Nothing shows while it is not known who is signed in.
 *
 * Its menu goes without Mantine's initial focus placeholder, an element of role presentation
 * inside the role menu, which axe-core refuses; opened by the keyboard, the menu's first
 * item takes the focus.
 */
export function UserMenu() {
  const me = useMe();
  const location = useLocation();
  const signOut = useSignOut();

  if (me.data === undefined) return null;
  if (me.data === null) {
    if (location.pathname === '/login') return null;
    return (
      <Button component={Link} to={loginPath(location.pathname + location.search)} size="xs">
        Sign in
      </Button>
    );
  }
  const leave = () => {
    signOut.mutate();
  };
  return (
    <Menu position="bottom-end" width={200} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="sm"
          loading={signOut.isPending}
          rightSection={<AccordionChevron aria-hidden size={14} />}
          maw={220}
        >
          <Text span truncate="end" inherit>
            {me.data.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.data.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to="/terms">
          Terms and conditions
        </Menu.Item>
        <Menu.Item onClick={leave}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
