import { Paper, Stack, Title } from '@mantine/core';
import { useTermsVersion } from '../../api/terms';
import { ErrorState } from '../../components/ErrorState';
import { LazyMarkdown } from '../../components/LazyMarkdown';
import { PageLoader } from '../../components/PageLoader';
import { AcceptanceTable } from './AcceptanceTable';

/** TermsVersionDetails shows one version's text and its acceptances. */
export function TermsVersionDetails({ version }: { version: number }) {
  const terms = useTermsVersion(version);
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        Text
      </Title>
      {terms.isPending && <PageLoader label="Loading the text" />}
      {terms.isError && (
        <ErrorState
          title="The text could not be loaded"
          error={terms.error}
          onRetry={() => void terms.refetch()}
          retrying={terms.isFetching}
        />
      )}
      {terms.isSuccess && (
        <Paper withBorder p="sm">
          <LazyMarkdown text={terms.data.text} />
        </Paper>
      )}
      <Title order={3} size="h4">
        Accepted by
      </Title>
      <AcceptanceTable version={version} />
    </Stack>
  );
}
