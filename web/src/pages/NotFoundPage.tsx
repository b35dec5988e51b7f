import { Anchor, Code, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { Page } from '../components/Page';

/** NotFoundPage answers a path that no screen has, inside the layout. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Page title="Page not found">
      <Text>
        There is no page at <Code>{pathname}</Code>. It may have moved, or the link may be mistyped.
      </Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </Page>
  );
}
