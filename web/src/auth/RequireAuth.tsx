import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/me';
import { ErrorState } from '../components/ErrorState';
import { PageLoader } from '../components/PageLoader';
import { loginPath } from './returnTo';

/**
 * RequireAuth guards the screens below it: someone who is not signed in goes to the sign-in
 * page, which comes back here afterwards.
 */
export function RequireAuth() {
  const me = useMe();
  const { pathname, search } = useLocation();
  if (me.isPending) return <PageLoader label="Loading your account" />;
  if (me.isError) {
    return (
      <ErrorState
        title="Your account could not be loaded"
        error={me.error}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  }
  if (me.data === null) return <Navigate to={loginPath(pathname + search)} replace />;
  return <Outlet />;
}
