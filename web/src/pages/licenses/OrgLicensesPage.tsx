import { Anchor, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { orgPath } from '../orgs/labels';
import { OrgLicenses } from './OrgLicenses';
import { OrgLoader } from './OrgLoader';

/**
 * OrgLicensesPage shows an organisation's licenses on a screen of their own, the same list as
 * the licenses tab of the organisation's page.
 */
export function OrgLicensesPage() {
  const { org = '' } = useParams();
  return (
    <Page title="Licenses">
      <OrgLoader id={org}>
        {(o) => (
          <>
            <Text>
              Licenses of{' '}
              <Anchor component={Link} to={orgPath(o.id)}>
                {o.name}
              </Anchor>
            </Text>
            <OrgLicenses org={o} />
          </>
        )}
      </OrgLoader>
    </Page>
  );
}
