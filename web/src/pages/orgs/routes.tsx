import type { RouteObject } from 'react-router';
import { OrgCreatePage } from './OrgCreatePage';
import { OrgListPage } from './OrgListPage';
import { OrgPage } from './OrgPage';
import { orgTabs } from './tabs';

/**
 * orgRoutes are the screens of organisations, for signed-in users: the list, the create form,
 * and one organisation with a route per tab of orgTabs.
 */
export const orgRoutes: RouteObject[] = [
  { path: 'orgs', element: <OrgListPage /> },
  { path: 'orgs/new', element: <OrgCreatePage /> },
  {
    path: 'orgs/:orgId',
    element: <OrgPage />,
    children: orgTabs.map((tab) =>
      tab.path === ''
        ? { index: true, element: tab.element }
        : { path: tab.path, element: tab.element },
    ),
  },
];
