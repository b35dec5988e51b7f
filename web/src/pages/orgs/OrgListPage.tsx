import { Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../api/me';
import type { OrgKind } from '../../api/orgTypes';
import { Page } from '../../components/Page';
import { OrgList } from './OrgList';
import { creatableKinds } from './permissions';

const kinds = [
  { value: '', label: 'All' },
  { value: 'distributor', label: 'Distributors' },
  { value: 'client', label: 'Clients' },
  { value: 'vendor', label: 'Vendor' },
];

function kindOf(value: string | null): OrgKind | null {
  return value === 'vendor' || value === 'distributor' || value === 'client' ? value : null;
}

/**
 * OrgListPage lists the organisations the user reaches, searchable by the start of their name
 * and filtered by kind (both kept in the address, so that a list can be shared or come back
 * to), with a way to create one for those who may.
 *
 * The search field keeps its text in its own state, and copies it to the address: bound to the
 * address alone, it lost the keys typed while the router was still applying the previous one.
 */
export function OrgListPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const kind = kindOf(params.get('kind'));
  const [debounced] = useDebouncedValue(q, 250);
  const set = (name: string, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };
  const canCreate = creatableKinds(me.data?.memberships ?? []).length > 0;

  return (
    <Page title="Organisations">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Search by name"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              set('q', e.currentTarget.value);
            }}
            w={240}
            maw="100%"
          />
          <Stack gap={4}>
            <span id="org-kind-label" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
              Kind
            </span>
            <SegmentedControl
              aria-labelledby="org-kind-label"
              data={kinds}
              value={kind ?? ''}
              onChange={(value) => {
                set('kind', value);
              }}
              size="xs"
            />
          </Stack>
        </Group>
        {canCreate && (
          <Button component={Link} to="/orgs/new">
            New organisation
          </Button>
        )}
      </Group>
      <OrgList filter={{ q: debounced, kind }} />
    </Page>
  );
}
