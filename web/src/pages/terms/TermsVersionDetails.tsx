import { Paper, Stack, Title } from '@mantine/core';
import { useTermsVersion } from '../../api/terms';
import { ErrorState } from '../../components/ErrorState';
import { LazyMarkdown } from '../../components/LazyMarkdown';
import { PageLoader } from '../../components/PageLoader';
import { AcceptanceTable } from '../admin/AcceptanceTable';

interface TermsVersionDetailsProps {
  version: number;
  /** withAcceptances adds who accepted the version. */
  withAcceptances: boolean;
}

/** TermsVersionDetails shows one version's text and, when asked, its acceptances. */
export function TermsVersionDetails({ version, withAcceptances }: TermsVersionDetailsProps) {
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
      {withAcceptances && (
        <>
          <Title order={3} size="h4">
            Accepted by
          </Title>
          <AcceptanceTable version={version} />
        </>
      )}
    </Stack>
  );
}
