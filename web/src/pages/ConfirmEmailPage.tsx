import { Alert, Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useConfirmEmail } from '../api/account';
import { isApiError } from '../api/errors';
import { tokenFromFragment } from '../auth/fragment';
import { ErrorState } from '../components/ErrorState';
import { Page } from '../components/Page';
import { PageLoader } from '../components/PageLoader';
import { TokenProblem } from '../components/TokenProblem';

const toProfile = { to: '/profile', label: 'Go to your profile' };

/**
 * ConfirmEmailPage confirms a change of address with the token of the link mailed to the new
 * address (`/confirm-email#token=...`), as soon as it opens, and says how it went.
 */
export function ConfirmEmailPage() {
  const token = tokenFromFragment(useLocation().hash);
  const confirm = useConfirmEmail(token);
  const title = 'Confirm your new address';

  if (token === null) {
    return (
      <Page title={title}>
        <TokenProblem title="This link is incomplete" next={toProfile}>
          The address lacks the code that the mail gave. Open the link from the mail again, or copy
          it whole into the address bar.
        </TokenProblem>
      </Page>
    );
  }
  if (confirm.isPending) return <PageLoader label="Confirming your new address" />;
  if (isApiError(confirm.error, 'invalid_token')) {
    return (
      <Page title={title}>
        <TokenProblem title="This link does not work any more" next={toProfile}>
          A confirmation link works once, for one hour, and only the newest one does. It does not
          work either while another account is signed in in this browser. Ask for the change again
          from your profile.
        </TokenProblem>
      </Page>
    );
  }
  if (isApiError(confirm.error, 'conflict')) {
    return (
      <Page title={title}>
        <TokenProblem title="This address is taken" next={toProfile}>
          Another account started to use this address in the meantime, so yours stays as it was.
        </TokenProblem>
      </Page>
    );
  }
  if (confirm.isError) {
    return (
      <Page title={title}>
        <ErrorState
          title="The address could not be confirmed"
          error={confirm.error}
          onRetry={() => void confirm.refetch()}
          retrying={confirm.isFetching}
        />
      </Page>
    );
  }
  return (
    <Page title="Your address is changed">
      <Alert color="green" variant="light" role="status" title="Confirmed">
        Your account&apos;s address is now <strong>{confirm.data.email}</strong>. Use it the next
        time you sign in.
      </Alert>
      <Text>
        <Anchor component={Link} to="/profile">
          Go to your profile
        </Anchor>
      </Text>
    </Page>
  );
}
