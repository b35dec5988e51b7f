import { Badge, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useOrgEvents } from '../../api/events';
import type { AuditEvent } from '../../api/orgTypes';
import { allItems } from '../../api/pages';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import classes from '../../components/PlainList.module.css';
import { useOrgContext } from './context';
import { ListLoading, ShowMore } from './ListState';

/** actionFilters are the choices of the action filter: a whole object, or one action. */
const actionFilters = [
  { value: '', label: 'Every action' },
  { value: 'org', label: 'Organisation changes' },
  { value: 'member', label: 'Members: added, role changed, removed' },
  { value: 'member.role_changed', label: 'Role changes' },
  { value: 'invitation', label: 'Invitations' },
  { value: 'license', label: 'Licenses' },
  { value: 'authorization.refused', label: 'Refused requests' },
];

/** ActivityTab is the organisation's audit log, newest first, filtered by action. */
export function ActivityTab() {
  const { org } = useOrgContext();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const events = useOrgEvents(org.id, action);
  const items = allItems(events.data?.pages);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Activity
      </Title>
      <NativeSelect
        label="Action"
        data={actionFilters}
        value={action}
        maw={360}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setParams(value === '' ? {} : { action: value }, { replace: true });
        }}
      />
      {events.isPending && <ListLoading label="Loading the activity" />}
      {events.isError && (
        <ErrorState
          title="The activity could not be loaded"
          error={events.error}
          onRetry={() => void events.refetch()}
          retrying={events.isFetching}
        />
      )}
      {events.isSuccess && items.length === 0 && !events.hasNextPage && (
        <Text size="sm">{action === '' ? 'Nothing has happened yet.' : 'No such event.'}</Text>
      )}
      <Stack gap="xs" component="ul" aria-label="Events" className={classes.list}>
        {items.map((e) => (
          <EventItem key={e.id} event={e} />
        ))}
      </Stack>
      <ShowMore
        hasNextPage={events.hasNextPage}
        loading={events.isFetchingNextPage}
        onMore={() => void events.fetchNextPage()}
      />
    </Stack>
  );
}

const outcomeColor = { success: 'green', failure: 'red', denied: 'red' } as const;

function EventItem({ event }: { event: AuditEvent }) {
  const details = detailsText(event.details);
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} ff="monospace" size="sm">
            {event.action}
          </Text>
          <Text size="sm">
            {event.actor_name !== '' ? event.actor_name : 'Someone unknown'}
            {event.target !== '' &&
              ` · ${event.target_name !== '' ? event.target_name : event.target}`}
          </Text>
          {details !== '' && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {details}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            <DateTime value={event.at} />
            {event.ip !== '' && ` · ${event.ip}`}
          </Text>
        </Stack>
        <Badge variant="light" color={outcomeColor[event.outcome]}>
          {event.outcome}
        </Badge>
      </Group>
    </Card>
  );
}

/**
 * detailsText writes an event's details on one line: `vat_id: DE1 → DE2` for a change of
 * fields, `member → admin` for a change of the event's target itself (its details are the
 * before and after at the top: a role).
 */
export function detailsText(details: AuditEvent['details']): string {
  if (details === null) return '';
  const parts: string[] = [];
  const whole = 'before' in details && 'after' in details;
  if (whole) parts.push(`${valueText(details.before)} → ${valueText(details.after)}`);
  for (const [key, value] of Object.entries(details)) {
    if (whole && (key === 'before' || key === 'after')) continue;
    parts.push(`${key}: ${valueText(value)}`);
  }
  return parts.join('; ');
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'before' in value && 'after' in value) {
    return `${valueText(value.before)} → ${valueText(value.after)}`;
  }
  return JSON.stringify(value);
}
