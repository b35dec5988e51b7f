import { Outlet } from 'react-router';
import { useMe } from '../api/me';
import { PageLoader } from '../components/PageLoader';
import { TermsAcceptancePage } from '../pages/TermsAcceptancePage';
import { useTermsRequired } from './termsRequired';

/**
 * TermsGate stands before the screens of signed-in users: while the current terms are not
 * accepted (GET /me says so, or an API call answered 403 terms_required) it shows them with
 * an Accept button instead of the screen, at the same address, so that accepting them
 * continues where the user was. Signed-out visitors pass, as do failures to ask: the screens
 * below deal with those.
 */
export function TermsGate() {
  const me = useMe();
  const flagged = useTermsRequired();
  if (me.isPending) return <PageLoader label="Loading your account" />;
  if (me.data && (me.data.terms.required || flagged)) return <TermsAcceptancePage />;
  return <Outlet />;
}
