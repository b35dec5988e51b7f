import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { useMe } from '../../api/me';
import { useOrg } from '../../api/orgs';
import { ErrorState } from '../../components/ErrorState';
import { Page } from '../../components/Page';
import { PageLoader } from '../../components/PageLoader';
import type { OrgContext } from './context';
import { kindLabel, orgPath } from './labels';
import { canAll } from './permissions';
import { orgTabs } from './tabs';
import classes from './OrgTabs.module.css';

/**
 * OrgPage is one organisation: its name and kind, then its tabs, each at its own address
 * (/orgs/{id}/members...). An organisation out of the user's reach is "not found", exactly as
 * one that does not exist: the server answers both alike.
 */
export function OrgPage() {
  const id = useParams().orgId ?? '';
  const org = useOrg(id);
  const me = useMe();
  if (org.isPending || me.isPending) return <PageLoader label="Loading the organisation" />;
  if (isApiError(org.error, 'not_found')) return <OrgNotFound />;
  if (org.isError || me.isError) {
    return (
      <Page title="Organisation">
        <ErrorState
          title="The organisation could not be loaded"
          error={org.error ?? me.error}
          onRetry={() => void Promise.all([org.refetch(), me.refetch()])}
          retrying={org.isFetching || me.isFetching}
        />
      </Page>
    );
  }
  const memberships = me.data?.memberships ?? [];
  const context: OrgContext = {
    org: org.data,
    can: canAll(memberships, org.data),
    memberships,
    userId: me.data?.user.id ?? '',
  };
  const tabs = orgTabs.filter((t) => t.shown(org.data, context.can));
  return (
    <Page title={org.data.name}>
      <Group gap="xs">
        <Badge variant="light">{kindLabel[org.data.kind]}</Badge>
        {org.data.distributor !== null && (
          <Text size="sm">
            Distributor:{' '}
            <Anchor component={Link} to={orgPath(org.data.distributor.id)}>
              {org.data.distributor.name}
            </Anchor>
          </Text>
        )}
      </Group>
      <nav aria-label="Sections of the organisation">
        <ul className={classes.tabs}>
          {tabs.map((tab) => (
            <li key={tab.path}>
              <NavLink to={orgPath(org.data.id, tab.path)} end className={classes.tab}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={context} />
    </Page>
  );
}

function OrgNotFound() {
  return (
    <Page title="Organisation not found">
      <Text>
        This organisation does not exist, or you are not a member of it. Check the address, or
        choose one of your organisations.
      </Text>
      <Anchor component={Link} to="/orgs">
        Go to your organisations
      </Anchor>
    </Page>
  );
}
