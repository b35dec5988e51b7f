import { Button, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { allItems } from '../../api/pages';
import { useRevokeOtherSessions, useSessions } from '../../api/sessions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState } from '../../components/ErrorState';
import classes from '../../components/PlainList.module.css';
import { formProblem } from '../../forms/problem';
import { SessionItem } from './SessionItem';

/**
 * SessionList shows the browsers signed in to the account, this one marked, each of the
 * others with a way to sign it out, and a way to sign out all the others at once.
 */
export function SessionList() {
  const sessions = useSessions();
  const others = useRevokeOtherSessions();
  const [asking, setAsking] = useState(false);

  if (sessions.isPending) {
    return (
      <Stack gap="xs" role="status">
        <VisuallyHidden>Loading the sessions</VisuallyHidden>
        <Skeleton height={60} aria-hidden />
        <Skeleton height={60} aria-hidden />
      </Stack>
    );
  }
  if (sessions.isError) {
    return (
      <ErrorState
        title="The sessions could not be loaded"
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
        retrying={sessions.isFetching}
      />
    );
  }
  const items = allItems(sessions.data.pages);
  const hasOthers = items.some((s) => !s.current) || sessions.hasNextPage;
  const close = () => {
    setAsking(false);
    others.reset();
  };
  return (
    <Stack gap="sm">
      {items.length === 0 && <Text size="sm">No browser is signed in.</Text>}
      <Stack gap="sm" component="ul" aria-label="Sessions" className={classes.list}>
        {items.map((session) => (
          <SessionItem key={session.id} session={session} />
        ))}
      </Stack>
      {sessions.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void sessions.fetchNextPage()}
            loading={sessions.isFetchingNextPage}
          >
            Show more
          </Button>
        </Group>
      )}
      <Group>
        <Button
          variant="light"
          color="red"
          disabled={!hasOthers}
          onClick={() => {
            setAsking(true);
          }}
        >
          Sign out all other browsers
        </Button>
      </Group>
      {!hasOthers && <Text size="sm">No other browser is signed in.</Text>}
      <ConfirmDialog
        opened={asking}
        title="Sign out all other browsers?"
        confirmLabel="Sign them out"
        busy={others.isPending}
        error={others.isError ? formProblem(others.error).message : null}
        onCancel={close}
        onConfirm={() => {
          others.mutate(undefined, { onSuccess: close });
        }}
      >
        Every browser signed in to your account, except this one, will be signed out.
      </ConfirmDialog>
    </Stack>
  );
}
