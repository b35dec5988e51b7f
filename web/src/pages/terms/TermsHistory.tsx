import { Accordion, Button, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { allItems } from '../../api/pages';
import { useTermsVersions } from '../../api/terms';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { TermsVersionDetails } from './TermsVersionDetails';

interface TermsHistoryProps {
  /** withAcceptances shows who accepted each version (for the vendor's administrators). */
  withAcceptances?: boolean;
}

/**
 * TermsHistory lists the published versions, newest first; opening one shows its text, and
 * with withAcceptances who accepted it, loaded only then.
 */
export function TermsHistory({ withAcceptances = false }: TermsHistoryProps) {
  const versions = useTermsVersions();
  const [open, setOpen] = useState<string | null>(null);

  if (versions.isPending) {
    return (
      <Stack gap="xs" role="status">
        <VisuallyHidden>Loading the versions</VisuallyHidden>
        <Skeleton height={40} aria-hidden />
        <Skeleton height={40} aria-hidden />
      </Stack>
    );
  }
  if (versions.isError) {
    return (
      <ErrorState
        title="The versions could not be loaded"
        error={versions.error}
        onRetry={() => void versions.refetch()}
        retrying={versions.isFetching}
      />
    );
  }
  const items = allItems(versions.data.pages);
  if (items.length === 0) {
    return (
      <Text size="sm">
        No version is published yet. Until one is, nobody is asked to accept terms.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Accordion variant="contained" value={open} onChange={setOpen}>
        {items.map((v) => (
          <Accordion.Item key={v.version} value={String(v.version)}>
            <Accordion.Control>
              Version {v.version}
              <Text span size="sm" c="dimmed">
                {' '}
                · published <DateTime value={v.published_at} /> by {v.published_by.name}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              {open === String(v.version) && (
                <TermsVersionDetails version={v.version} withAcceptances={withAcceptances} />
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {versions.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void versions.fetchNextPage()}
            loading={versions.isFetchingNextPage}
          >
            Show older versions
          </Button>
        </Group>
      )}
    </Stack>
  );
}
