import { Anchor, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useMe } from '../api/me';
import { Page } from '../components/Page';

/**
 * RequireVendorAdmin guards the vendor's administration screens; it sits below RequireAuth,
 * so the user is known. The server refuses these routes to others anyway: this only spares
 * them a screen of errors.
 */
export function RequireVendorAdmin() {
  const me = useMe();
  if (me.data?.vendor_admin === true) return <Outlet />;
  return (
    <Page title="Not allowed">
      <Text>This page is for the administrators of the vendor organisation.</Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </Page>
  );
}
