import { Stack, Title } from '@mantine/core';
import { useOrgContext } from '../orgs/context';
import { OrgLicenses } from './OrgLicenses';

/**
 * LicensesTab is the licenses tab of an organisation's page (/orgs/{id}/licenses): the list,
 * with the way to create a license and to suspend all of them for those who may.
 */
export function LicensesTab() {
  const { org } = useOrgContext();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Licenses
      </Title>
      <OrgLicenses org={org} />
    </Stack>
  );
}
