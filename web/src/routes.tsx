import type { RouteObject } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { RequireVendorAdmin } from './auth/RequireVendorAdmin';
import { TermsGate } from './auth/TermsGate';
import { AppLayout } from './components/AppLayout';
import { RouteError } from './components/RouteError';
import { TermsAdminPage } from './pages/admin/TermsAdminPage';
import { ConfirmEmailPage } from './pages/ConfirmEmailPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { InvitationPage } from './pages/InvitationPage';
import { CreateLicensePage } from './pages/licenses/CreateLicensePage';
import { LicensePage } from './pages/licenses/LicensePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { orgRoutes } from './pages/orgs/routes';
import { ProfilePage } from './pages/profile/ProfilePage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SetupPage } from './pages/SetupPage';
import { TermsPage } from './pages/terms/TermsPage';

/**
 * screens is the table of the UI's screens. The server answers every path outside /api/ with
 * index.html, so each of these paths can be opened directly; `*` catches the rest.
 *
 * The screens of signed-in users stand behind the terms gate (terms to accept first), those
 * that need someone signed in behind RequireAuth (else the sign-in page, coming back after),
 * and the vendor's administration behind RequireVendorAdmin. The pages that mailed links and
 * setup links open are public, and never gated: they must work for anyone who has the link.
 */
export const screens: RouteObject[] = [
  {
    element: <TermsGate />,
    children: [
      { index: true, element: <HomePage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'profile', element: <ProfilePage /> },
          { path: 'terms', element: <TermsPage /> },
          ...orgRoutes,
          { path: 'orgs/:org/licenses/new', element: <CreateLicensePage /> },
          { path: 'licenses/:id', element: <LicensePage /> },
          {
            element: <RequireVendorAdmin />,
            children: [{ path: 'admin/terms', element: <TermsAdminPage /> }],
          },
        ],
      },
    ],
  },
  { path: 'login', element: <LoginPage /> },
  { path: 'forgot-password', element: <ForgotPasswordPage /> },
  { path: 'reset-password', element: <ResetPasswordPage /> },
  { path: 'setup', element: <SetupPage /> },
  { path: 'confirm-email', element: <ConfirmEmailPage /> },
  { path: 'invitation', element: <InvitationPage /> },
  { path: '*', element: <NotFoundPage /> },
];

/** withLayout puts screens inside the layout, each behind the error boundary. */
export function withLayout(children: RouteObject[]): RouteObject[] {
  return [
    {
      element: <AppLayout />,
      // Only when the layout itself fails; the message then stands alone.
      errorElement: <RouteError />,
      // A screen that fails shows the message inside the layout, navigation still usable.
      children: [{ errorElement: <RouteError />, children }],
    },
  ];
}

/** routes is what the router serves. */
export const routes = withLayout(screens);
