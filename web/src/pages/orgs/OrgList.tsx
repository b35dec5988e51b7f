import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';
import { allItems } from '../../api/pages';
import type { Org } from '../../api/orgTypes';
import { useOrgs, type OrgFilter } from '../../api/orgs';
import { ErrorState } from '../../components/ErrorState';
import classes from '../../components/PlainList.module.css';
import { kindLabel, orgPath } from './labels';

/** OrgList shows a filtered list of organisations, a page at a time. */
export function OrgList({ filter }: { filter: OrgFilter }) {
  const orgs = useOrgs(filter);
  if (orgs.isPending) {
    return (
      <Stack gap="xs" role="status">
        <VisuallyHidden>Loading the organisations</VisuallyHidden>
        <Skeleton height={64} aria-hidden />
        <Skeleton height={64} aria-hidden />
        <Skeleton height={64} aria-hidden />
      </Stack>
    );
  }
  if (orgs.isError) {
    return (
      <ErrorState
        title="The organisations could not be loaded"
        error={orgs.error}
        onRetry={() => void orgs.refetch()}
        retrying={orgs.isFetching}
      />
    );
  }
  const items = allItems(orgs.data.pages);
  const filtered = filter.q.trim() !== '' || filter.kind !== null;
  return (
    <Stack gap="sm" aria-busy={orgs.isFetching && !orgs.isFetchingNextPage}>
      <Text size="sm" c="dimmed" role="status">
        {items.length === 0
          ? filtered
            ? 'No organisation matches this search.'
            : 'You have no organisation yet.'
          : `${String(items.length)}${orgs.hasNextPage ? '+' : ''} organisation${items.length === 1 ? '' : 's'}`}
      </Text>
      <Stack gap="xs" component="ul" aria-label="Organisations" className={classes.list}>
        {items.map((org) => (
          <OrgItem key={org.id} org={org} />
        ))}
      </Stack>
      {orgs.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void orgs.fetchNextPage()}
            loading={orgs.isFetchingNextPage}
          >
            Show more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function OrgItem({ org }: { org: Org }) {
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor
            component={Link}
            to={orgPath(org.id)}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {org.name}
          </Anchor>
          {org.kind === 'client' && (
            <Text size="sm" c="dimmed">
              {org.distributor === null ? 'No distributor' : `Distributor: ${org.distributor.name}`}
            </Text>
          )}
        </Stack>
        <Badge
          variant="light"
          color={org.kind === 'client' ? 'gray' : 'blue'}
          style={{ flexShrink: 0 }}
        >
          {kindLabel[org.kind]}
        </Badge>
      </Group>
    </Card>
  );
}
