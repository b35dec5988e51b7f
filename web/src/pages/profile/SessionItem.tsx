import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useRevokeSession } from '../../api/sessions';
import type { Session } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTime } from '../../components/DateTime';
import { formProblem } from '../../forms/problem';

/** SessionItem is one signed-in browser, with a way to sign it out after a confirmation. */
export function SessionItem({ session }: { session: Session }) {
  const revoke = useRevokeSession();
  const [asking, setAsking] = useState(false);
  const close = () => {
    setAsking(false);
    revoke.reset();
  };
  const confirm = () => {
    revoke.mutate(
      { id: session.id, current: session.current },
      {
        onSuccess: () => {
          setAsking(false);
        },
      },
    );
  };
  const label = session.browser === '' ? 'Unknown browser' : session.browser;
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{label}</Text>
            {session.current && (
              <Badge variant="light" color="green">
                This browser
              </Badge>
            )}
          </Group>
          <Text size="sm">IP address {session.ip}</Text>
          <Text size="sm">
            Signed in <DateTime value={session.created_at} />, last seen{' '}
            <DateTime value={session.last_seen_at} />
          </Text>
        </Stack>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            setAsking(true);
          }}
          aria-label={session.current ? 'Sign out this browser' : `Sign out ${label}`}
        >
          Sign out
        </Button>
      </Group>
      <ConfirmDialog
        opened={asking}
        title={session.current ? 'Sign out this browser?' : `Sign out ${label}?`}
        confirmLabel="Sign out"
        busy={revoke.isPending}
        error={revoke.isError ? formProblem(revoke.error).message : null}
        onCancel={close}
        onConfirm={confirm}
      >
        {session.current
          ? 'You will be signed out here and will need your password to sign in again.'
          : `The session of ${label} at ${session.ip} will end; whoever uses it must sign in again.`}
      </ConfirmDialog>
    </Paper>
  );
}
