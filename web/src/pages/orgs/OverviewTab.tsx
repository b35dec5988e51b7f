import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DateTime } from '../../components/DateTime';
import { useOrgContext } from './context';
import { kindLabel } from './labels';
import { OrgEditForm } from './OrgEditForm';
import classes from './OverviewTab.module.css';

/** OverviewTab shows an organisation's details, and edits them for those who may. */
export function OverviewTab() {
  const { org, can } = useOrgContext();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Stack gap="sm">
        <Title order={2} size="h3">
          Edit the details
        </Title>
        <OrgEditForm
          org={org}
          canMove={can.move}
          onDone={() => {
            setEditing(false);
          }}
        />
      </Stack>
    );
  }
  const rows: [string, React.ReactNode][] = [
    ['Kind', kindLabel[org.kind]],
    ...(org.kind === 'client'
      ? ([['Managing distributor', org.distributor?.name ?? 'None']] as [string, string][])
      : []),
    ['Billing email', org.billing_email || 'None'],
    ['Postal address', org.address || 'None'],
    ['VAT number', org.vat_id || 'None'],
    ['Created', <DateTime key="c" value={org.created_at} />],
  ];
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Details
      </Title>
      <dl className={classes.fields}>
        {rows.map(([label, value]) => (
          <div key={label} className={classes.row}>
            <dt>
              <Text size="sm" fw={600} span>
                {label}
              </Text>
            </dt>
            <dd>
              <Text size="sm" span style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </dd>
          </div>
        ))}
      </dl>
      {can.edit && (
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setEditing(true);
            }}
          >
            Edit the details
          </Button>
        </Group>
      )}
    </Stack>
  );
}
