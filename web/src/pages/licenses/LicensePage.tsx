import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { useLicense, type License, type LicenseWithKey } from '../../api/licenses';
import { useMe } from '../../api/me';
import { useOrg } from '../../api/orgs';
import { ErrorState } from '../../components/ErrorState';
import { Page } from '../../components/Page';
import { PageLoader } from '../../components/PageLoader';
import { licenseAbilities, type LicenseAbilities } from './abilities';
import { EditLicenseForm } from './EditLicenseForm';
import { KeyReveal } from './KeyReveal';
import { LicenseDetails } from './LicenseDetails';
import { LicenseStatus } from './LicenseStatus';
import { RegenerateKey } from './RegenerateKey';
import { SuspendLicense } from './SuspendLicense';
import { Section } from '../../components/Section';

/**
 * LicensePage shows one license: its terms and state, and for those who may, a way to edit
 * it, suspend or reinstate it, and regenerate its key (shown once, here, after that).
 *
 * TODO: the current month's usage (peak and extra cores) once the usage API lands; the license
 * API exposes no usage figures yet, so none is shown rather than a made-up one.
 */
export function LicensePage() {
  const { id = '' } = useParams();
  const license = useLicense(id);
  if (license.isPending) {
    return (
      <Page title="License">
        <PageLoader label="Loading the license" />
      </Page>
    );
  }
  if (license.isError) {
    const missing = isApiError(license.error, 'not_found');
    return (
      <Page title="License">
        <ErrorState
          title={missing ? 'No such license' : 'The license could not be loaded'}
          error={license.error}
          {...(!missing && { onRetry: () => void license.refetch(), retrying: license.isFetching })}
        />
      </Page>
    );
  }
  return <LicenseScreen license={license.data} />;
}

function LicenseScreen({ license }: { license: License }) {
  const can = useAbilities(license.org_id);
  const [editing, setEditing] = useState(false);
  const [fresh, setFresh] = useState<LicenseWithKey | null>(null);
  return (
    <Page title={license.name}>
      <Group gap="xs">
        <LicenseStatus license={license} />
      </Group>
      {fresh !== null && <KeyReveal licenseKey={fresh.key} title="The new license key" />}
      {(can.manage || can.regenerate) && !editing && (
        <Group gap="sm">
          {can.manage && (
            <Button
              variant="default"
              onClick={() => {
                setEditing(true);
              }}
            >
              Edit
            </Button>
          )}
          {can.manage && <SuspendLicense license={license} />}
          {can.regenerate && <RegenerateKey license={license} onKey={setFresh} />}
        </Group>
      )}
      <Section id="license-details" title={editing ? 'Edit the license' : 'Details'}>
        {editing ? (
          <EditLicenseForm
            license={license}
            onDone={() => {
              setEditing(false);
            }}
          />
        ) : (
          <LicenseDetails license={license} />
        )}
      </Section>
    </Page>
  );
}

// useAbilities says what the user may do with the licenses of organisation orgId; nothing
// until the organisation is loaded, so that no button shows that the server would refuse.
function useAbilities(orgId: string): LicenseAbilities {
  const me = useMe();
  const org = useOrg(orgId);
  if (org.data === undefined || me.data === undefined || me.data === null) {
    return { manage: false, regenerate: false };
  }
  return licenseAbilities(me.data.memberships, org.data);
}
