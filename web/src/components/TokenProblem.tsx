import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface TokenProblemProps {
  title: string;
  children: ReactNode;
  /** next offers a way on: a path and what it does. */
  next: { to: string; label: string };
}

/** TokenProblem explains why a mailed link cannot be used, and what to do instead. */
export function TokenProblem({ title, children, next }: TokenProblemProps) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{children}</Text>
        <Anchor component={Link} to={next.to} size="sm">
          {next.label}
        </Anchor>
      </Stack>
    </Alert>
  );
}
