import { Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * RouteError replaces a screen that failed to render (the router's error boundary): a plain
 * message and a way out, never the error's own text, which is for developers (in the console).
 */
export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    console.error('A screen failed to render:', error);
  }, [error]);
  const notFound = isRouteErrorResponse(error) && error.status === 404;

  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start" role="alert">
        <Title order={1}>{notFound ? 'Page not found' : 'Something went wrong'}</Title>
        <Text>
          {notFound
            ? 'There is nothing at this address.'
            : 'This page could not be shown. Reloading it often helps; if it does not, try again later.'}
        </Text>
        <Group>
          <Button
            onClick={() => {
              window.location.reload();
            }}
          >
            Reload the page
          </Button>
          <Anchor href="/">Go to the home page</Anchor>
        </Group>
      </Stack>
    </Container>
  );
}
