import { Button, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useOrgLicenses } from '../../api/licenses';
import { useMe } from '../../api/me';
import type { Org } from '../../api/orgTypes';
import { allItems } from '../../api/pages';
import { ErrorState } from '../../components/ErrorState';
import classes from '../../components/PlainList.module.css';
import { licenseAbilities } from './abilities';
import { LicenseItem } from './LicenseItem';
import { newLicensePath } from './paths';
import { SuspendAll } from './SuspendAll';

/**
 * OrgLicenses lists an organisation's licenses on its licenses tab (LicensesTab), oldest first,
 * with a way to create one and to suspend or reinstate all of them for those who may.
 */
export function OrgLicenses({ org }: { org: Org }) {
  const licenses = useOrgLicenses(org.id);
  const me = useMe();
  const can = licenseAbilities(me.data?.memberships ?? [], org);
  if (licenses.isPending) {
    return (
      <Stack gap="xs" role="status">
        <VisuallyHidden>Loading the licenses</VisuallyHidden>
        <Skeleton height={84} aria-hidden />
        <Skeleton height={84} aria-hidden />
      </Stack>
    );
  }
  if (licenses.isError) {
    return (
      <ErrorState
        title="The licenses could not be loaded"
        error={licenses.error}
        onRetry={() => void licenses.refetch()}
        retrying={licenses.isFetching}
      />
    );
  }
  const items = allItems(licenses.data.pages);
  const create = can.manage && (
    <Button component={Link} to={newLicensePath(org.id)}>
      Create a license
    </Button>
  );
  if (items.length === 0) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>{org.name} has no license yet.</Text>
        {create}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {can.manage && (
        <Group justify="space-between" align="flex-start" gap="sm">
          {create}
          <SuspendAll
            orgId={org.id}
            orgName={org.name}
            suspended={items.some((l) => l.org_suspended)}
          />
        </Group>
      )}
      <Stack gap="xs" component="ul" aria-label="Licenses" className={classes.list}>
        {items.map((license) => (
          <LicenseItem key={license.id} license={license} />
        ))}
      </Stack>
      {licenses.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void licenses.fetchNextPage()}
            loading={licenses.isFetchingNextPage}
          >
            Show more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
