import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { LicenseWithKey } from '../../api/licenses';
import { useMe } from '../../api/me';
import { Page } from '../../components/Page';
import { orgPath } from '../orgs/labels';
import { licenseAbilities } from './abilities';
import { CreateLicenseForm } from './CreateLicenseForm';
import { KeyReveal } from './KeyReveal';
import { OrgLoader } from './OrgLoader';
import { licensePath } from './paths';

/**
 * CreateLicensePage creates a license of an organisation, then shows its key, this once, in
 * place of the form: the key lives in this screen's state only, and leaving forgets it.
 */
export function CreateLicensePage() {
  const { org = '' } = useParams();
  const me = useMe();
  const [created, setCreated] = useState<LicenseWithKey | null>(null);
  return (
    <Page title={created === null ? 'New license' : `License ${created.name} created`}>
      <OrgLoader id={org}>
        {(o) => (
          <>
            <Text>
              For{' '}
              <Anchor component={Link} to={orgPath(o.id, 'licenses')}>
                {o.name}
              </Anchor>
            </Text>
            {created !== null ? (
              <KeyReveal licenseKey={created.key} title="The license key">
                <Group>
                  <Button component={Link} to={licensePath(created.id)}>
                    I have copied the key: open the license
                  </Button>
                </Group>
              </KeyReveal>
            ) : licenseAbilities(me.data?.memberships ?? [], o).manage ? (
              <CreateLicenseForm orgId={o.id} onCreated={setCreated} />
            ) : (
              <Alert color="gray" variant="light">
                Licenses of {o.name} are created by its distributor or by the vendor.
              </Alert>
            )}
          </>
        )}
      </OrgLoader>
    </Page>
  );
}
