import { Button, Group, Paper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { meKey } from '../api/me';
import { useSignOut } from '../api/session';
import { useAcceptTerms, useCurrentTerms } from '../api/terms';
import { clearTermsRequired } from '../auth/termsRequired';
import { DateTime } from '../components/DateTime';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { LazyMarkdown } from '../components/LazyMarkdown';
import { Page } from '../components/Page';
import { PageLoader } from '../components/PageLoader';
import { formProblem } from '../forms/problem';

const messages = {
  conflict:
    'A newer version of the terms was published a moment ago. Please read it and accept it.',
};

/**
 * TermsAcceptancePage shows the current terms with an Accept button; the terms gate puts it in
 * place of any screen while they are not accepted. Declining means signing out.
 */
export function TermsAcceptancePage() {
  const terms = useCurrentTerms();
  const accept = useAcceptTerms();
  const signOut = useSignOut();
  const queryClient = useQueryClient();

  if (terms.isPending) return <PageLoader label="Loading the terms" />;
  if (terms.isError) {
    return (
      <Page title="Terms and conditions">
        <ErrorState
          title="The terms could not be loaded"
          error={terms.error}
          onRetry={() => void terms.refetch()}
          retrying={terms.isFetching}
        />
      </Page>
    );
  }
  if (terms.data === null) {
    const proceed = () => {
      clearTermsRequired();
      void queryClient.invalidateQueries({ queryKey: meKey });
    };
    return (
      <Page title="Terms and conditions">
        <Text>No terms are published any more, so there is nothing to accept.</Text>
        <Group>
          <Button onClick={proceed}>Continue</Button>
        </Group>
      </Page>
    );
  }

  const { version, text, published_at } = terms.data;
  const problem = accept.isError ? formProblem(accept.error, { messages }) : null;
  const agree = () => {
    accept.mutate(version, {
      onError: () => void terms.refetch(),
    });
  };
  const leave = () => {
    signOut.mutate();
  };
  return (
    <Page title="Terms and conditions">
      <Text>
        Please read the terms and conditions (version {version}, published{' '}
        <DateTime value={published_at} />) and accept them to continue.
      </Text>
      <Paper withBorder p="md" component="section" aria-label={`Terms, version ${String(version)}`}>
        <LazyMarkdown text={text} />
      </Paper>
      <FormAlert message={problem?.message ?? null} />
      <Group>
        <Button onClick={agree} loading={accept.isPending}>
          I accept the terms
        </Button>
        <Button variant="default" onClick={leave} loading={signOut.isPending}>
          Decline and sign out
        </Button>
      </Group>
    </Page>
  );
}
