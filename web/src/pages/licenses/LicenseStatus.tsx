import { Badge } from '@mantine/core';
import type { License } from '../../api/licenses';

/**
 * statusText says a license's status as validation sees it, and why when it is suspended by
 * its organisation rather than on its own.
 */
export function statusText(license: License): string {
  if (license.effective_status === 'active') return 'Active';
  if (license.status === 'suspended') return 'Suspended';
  return 'Suspended with its organisation';
}

/** LicenseStatus is a license's status as a badge: green active, red suspended. */
export function LicenseStatus({ license }: { license: License }) {
  const active = license.effective_status === 'active';
  return (
    <Badge variant="light" color={active ? 'green' : 'red'} style={{ flexShrink: 0 }}>
      {statusText(license)}
    </Badge>
  );
}
