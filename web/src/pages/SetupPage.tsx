import { Text } from '@mantine/core';
import { useLocation } from 'react-router';
import { isApiError } from '../api/errors';
import { useSetupPreview } from '../api/setup';
import { tokenFromFragment } from '../auth/fragment';
import { ErrorState } from '../components/ErrorState';
import { Page } from '../components/Page';
import { PageLoader } from '../components/PageLoader';
import { TokenProblem } from '../components/TokenProblem';
import { SetupForm } from './SetupForm';

const toLogin = { to: '/login', label: 'Go to the sign-in page' };

/**
 * SetupPage opens a setup link (`/setup#token=...`): the one that a first start prints, which
 * makes the first vendor admin, or one of `licensor admin create-user`, which sets the
 * password of an account that exists. Either way the person is signed in at the end.
 */
export function SetupPage() {
  const token = tokenFromFragment(useLocation().hash);
  const preview = useSetupPreview(token);

  if (token === null) {
    return (
      <Page title="Set up your account">
        <TokenProblem title="This link is incomplete" next={toLogin}>
          The address lacks the code of the setup link. Copy the whole link that the server or the
          administrator gave you into the address bar.
        </TokenProblem>
      </Page>
    );
  }
  if (preview.isPending) return <PageLoader label="Checking the setup link" />;
  if (isApiError(preview.error, 'invalid_token')) {
    return (
      <Page title="Set up your account">
        <TokenProblem title="This setup link does not work any more" next={toLogin}>
          A setup link works once, for a limited time. Ask an administrator for a new one, who can
          make it with <code>licensor admin create-user</code>.
        </TokenProblem>
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title="Set up your account">
        <ErrorState
          title="The setup link could not be checked"
          error={preview.error}
          onRetry={() => void preview.refetch()}
          retrying={preview.isFetching}
        />
      </Page>
    );
  }
  const first = preview.data.kind === 'first_admin';
  return (
    <Page title={first ? 'Set up the first administrator' : 'Choose your password'}>
      <Text>
        {first
          ? 'This link makes the first administrator of the vendor organisation. Give your address, your name and a password; you will be signed in.'
          : `Choose the password of the account of ${preview.data.name ?? ''} (${preview.data.email ?? ''}); you will be signed in.`}
      </Text>
      <SetupForm token={token} first={first} />
    </Page>
  );
}
