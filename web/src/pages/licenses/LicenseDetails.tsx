import { Anchor, DataList, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { License } from '../../api/licenses';
import { DateTime } from '../../components/DateTime';
import { orgPath } from '../orgs/labels';
import { formatMoney } from './money';
import { statusText } from './LicenseStatus';
import { coresText, periodText } from './terms';

/** ByWhom reads "date, by name", or the date alone when the user is not known (or gone). */
function ByWhom({ at, name }: { at: string; name?: string }) {
  return (
    <>
      <DateTime value={at} />
      {name ? `, by ${name}` : null}
    </>
  );
}

/** LicenseDetails lists a license's terms and state; of its key, the last 4 characters only. */
export function LicenseDetails({ license: l }: { license: License }) {
  const rows: [string, React.ReactNode][] = [
    [
      'Organisation',
      <Anchor key="org" component={Link} to={orgPath(l.org_id, 'licenses')}>
        {l.org_name}
      </Anchor>,
    ],
    ['Status', statusText(l)],
    ['Prepaid cores', coresText(l.prepaid_cores)],
    ['Price per core', formatMoney(l.core_price, l.currency)],
    ['Price per extra core', formatMoney(l.extra_core_price, l.currency)],
    ['Currency', l.currency],
    ['Period', periodText(l)],
    [
      'Key',
      <Text key="key" span size="sm">
        ends in{' '}
        <Text span ff="monospace" size="sm">
          {l.key_last4}
        </Text>
      </Text>,
    ],
    ['Created', <ByWhom key="created" at={l.created_at} name={l.created_by_name} />],
    ['Last changed', <ByWhom key="updated" at={l.updated_at} name={l.updated_by_name} />],
  ];
  return (
    <DataList labelWidth="10rem">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
