import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useInvitations } from '../../api/invitations';
import { allItems } from '../../api/pages';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import classes from '../../components/PlainList.module.css';
import { useOrgContext } from './context';
import { InvitationItem } from './InvitationItem';
import { InviteForm } from './InviteForm';
import { ListLoading, ShowMore } from './ListState';

/** InvitationsTab invites people, and lists the invitations with their state. */
export function InvitationsTab() {
  const { org, can } = useOrgContext();
  const invitations = useInvitations(org.id);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      {can.invite && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            Invite someone
          </Title>
          <InviteForm orgId={org.id} canInviteAdmin={can.manageMembers} />
        </Stack>
      )}
      <Stack gap="sm">
        <Title order={2} size="h3">
          Invitations
        </Title>
        <FormAlert message={problem} title="The invitation could not be changed" />
        {invitations.isPending && <ListLoading label="Loading the invitations" />}
        {invitations.isError && (
          <ErrorState
            title="The invitations could not be loaded"
            error={invitations.error}
            onRetry={() => void invitations.refetch()}
            retrying={invitations.isFetching}
          />
        )}
        {invitations.isSuccess && (
          <>
            {allItems(invitations.data.pages).length === 0 && (
              <Text size="sm">Nobody has been invited yet.</Text>
            )}
            <Stack gap="xs" component="ul" aria-label="Invitations" className={classes.list}>
              {allItems(invitations.data.pages).map((inv) => (
                <InvitationItem
                  key={inv.id}
                  invitation={inv}
                  orgId={org.id}
                  can={can}
                  onProblem={setProblem}
                />
              ))}
            </Stack>
            <ShowMore
              hasNextPage={invitations.hasNextPage}
              loading={invitations.isFetchingNextPage}
              onMore={() => void invitations.fetchNextPage()}
            />
          </>
        )}
      </Stack>
    </Stack>
  );
}
