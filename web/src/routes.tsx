import type { RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RouteError } from './components/RouteError';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

/**
 * screens is the table of the UI's screens. The server answers every path outside /api/ with
 * index.html, so each of these paths can be opened directly; `*` catches the rest.
 */
export const screens: RouteObject[] = [
  { index: true, element: <HomePage /> },
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
