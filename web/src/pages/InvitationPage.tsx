import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../api/errors';
import { useInvitationPreview } from '../api/invitations';
import { tokenFromFragment } from '../auth/fragment';
import { DateTime } from '../components/DateTime';
import { ErrorState } from '../components/ErrorState';
import { Page } from '../components/Page';
import { PageLoader } from '../components/PageLoader';
import { TokenProblem } from '../components/TokenProblem';
import { InvitationForm } from './InvitationForm';
import { kindLabel, roleLabel } from './orgs/labels';

const toLogin = { to: '/login', label: 'Go to the sign-in page' };
const title = 'Join an organisation';

/**
 * InvitationPage opens an invitation link (`/invitation#token=...`): who invites whom to which
 * organisation, then a form that makes the account (name, password, the current terms) and
 * signs in as a member. An address that has an account by now joins without a form.
 */
export function InvitationPage() {
  const token = tokenFromFragment(useLocation().hash);
  const preview = useInvitationPreview(token);
  if (token === null) {
    return (
      <Page title={title}>
        <TokenProblem title="This link is incomplete" next={toLogin}>
          The address lacks the code of the invitation. Copy the whole link from the mail into the
          address bar.
        </TokenProblem>
      </Page>
    );
  }
  if (preview.isPending) return <PageLoader label="Checking the invitation" />;
  if (isApiError(preview.error, 'invalid_token')) {
    return (
      <Page title={title}>
        <TokenProblem title="This invitation does not work any more" next={toLogin}>
          An invitation link works once, for 7 days, and stops working when it is revoked or sent
          again. Ask the person who invited you for a new one.
        </TokenProblem>
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title={title}>
        <ErrorState
          title="The invitation could not be checked"
          error={preview.error}
          onRetry={() => void preview.refetch()}
          retrying={preview.isFetching}
        />
      </Page>
    );
  }
  const p = preview.data;
  return (
    <Page title={`Join ${p.org.name}`}>
      <Stack gap="xs">
        <Text>
          {p.inviter.name} ({p.inviter.email}) invites you to join <strong>{p.org.name}</strong> (
          {kindLabel[p.org.kind].toLowerCase()}) as {roleLabel[p.role].toLowerCase()}, with the
          address <strong>{p.email}</strong>.
        </Text>
        <Text size="sm" c="dimmed">
          The invitation expires <DateTime value={p.expires_at} />.
        </Text>
      </Stack>
      {p.has_account && (
        <Alert color="blue" variant="light">
          This address has an account already: joining adds the organisation to it. Then{' '}
          <Anchor component={Link} to="/login">
            sign in
          </Anchor>{' '}
          as usual to see it.
        </Alert>
      )}
      <InvitationForm token={token} preview={p} />
    </Page>
  );
}
