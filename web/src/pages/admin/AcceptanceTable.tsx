import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { allItems } from '../../api/pages';
import { useTermsAcceptances } from '../../api/terms';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';

/** AcceptanceTable lists who accepted a version: name and address then, time and IP. */
export function AcceptanceTable({ version }: { version: number }) {
  const acceptances = useTermsAcceptances(version);
  if (acceptances.isPending) return <PageLoader label="Loading the acceptances" />;
  if (acceptances.isError) {
    return (
      <ErrorState
        title="The acceptances could not be loaded"
        error={acceptances.error}
        onRetry={() => void acceptances.refetch()}
        retrying={acceptances.isFetching}
      />
    );
  }
  const items = allItems(acceptances.data.pages);
  if (items.length === 0) return <Text size="sm">Nobody has accepted this version yet.</Text>;
  const caption = `Acceptances of version ${String(version)}`;
  // On a narrow screen the table scrolls sideways: its viewport takes the focus, so that the
  // arrow keys can scroll it too.
  const viewportProps = { tabIndex: 0, role: 'region', 'aria-label': caption };
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={520} scrollAreaProps={{ viewportProps }}>
        <Table striped>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Email address</Table.Th>
              <Table.Th scope="col">Accepted</Table.Th>
              <Table.Th scope="col">IP address</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={`${a.user_id}-${a.accepted_at}`}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.email}</Table.Td>
                <Table.Td>
                  <DateTime value={a.accepted_at} />
                </Table.Td>
                <Table.Td>{a.ip}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {acceptances.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void acceptances.fetchNextPage()}
            loading={acceptances.isFetchingNextPage}
          >
            Show more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
