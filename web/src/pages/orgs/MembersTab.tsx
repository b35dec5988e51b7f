import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMembers } from '../../api/members';
import { allItems } from '../../api/pages';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import classes from '../../components/PlainList.module.css';
import { useOrgContext } from './context';
import { orgPath } from './labels';
import { ListLoading, ShowMore } from './ListState';
import { MemberItem } from './MemberItem';

/**
 * MembersTab lists an organisation's members; those who may change roles and remove members
 * do it here. A refusal (the last admin cannot be removed or demoted) shows above the list.
 */
export function MembersTab() {
  const { org, can, userId } = useOrgContext();
  const members = useMembers(org.id);
  const [problem, setProblem] = useState<string | null>(null);
  if (members.isPending) return <ListLoading label="Loading the members" />;
  if (members.isError) {
    return (
      <ErrorState
        title="The members could not be loaded"
        error={members.error}
        onRetry={() => void members.refetch()}
        retrying={members.isFetching}
      />
    );
  }
  const items = allItems(members.data.pages);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Members
      </Title>
      {can.invite && (
        <Text size="sm">
          <Anchor component={Link} to={orgPath(org.id, 'invitations')}>
            Invite someone
          </Anchor>
        </Text>
      )}
      <FormAlert message={problem} title="The change was refused" />
      {items.length === 0 && (
        <Text size="sm">
          {org.kind === 'client' && org.distributor !== null
            ? `No member yet: ${org.distributor.name} manages this organisation.`
            : 'No member yet.'}
        </Text>
      )}
      <Stack gap="xs" component="ul" aria-label="Members" className={classes.list}>
        {items.map((m) => (
          <MemberItem
            key={m.user_id}
            member={m}
            orgId={org.id}
            canManage={can.manageMembers}
            isSelf={m.user_id === userId}
            onProblem={setProblem}
          />
        ))}
      </Stack>
      <ShowMore
        hasNextPage={members.hasNextPage}
        loading={members.isFetchingNextPage}
        onMore={() => void members.fetchNextPage()}
      />
    </Stack>
  );
}
