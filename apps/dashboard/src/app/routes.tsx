import type { RouteObject } from 'react-router';
import { RequireSession } from '../auth/session-context';
import { SignInPage } from '../auth/sign-in-page';
import { OperationPage } from '../features/operation/operation-page';
import { OperationsListPage } from '../features/operations/operations-list-page';
import { FieldEntryRoute } from '../field/field-entry-route';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';

/**
 * Every page of the dashboard. The API answers `index.html` for any non-API path, so these
 * survive a reload. Pages behind `RequireSession` send a signed-out browser to `/sign-in?next=…`.
 */
export const routes: RouteObject[] = [
  // The field page is its own bundle (see main.tsx): reached from inside this app, it reloads into it.
  { path: '/field/*', element: <FieldEntryRoute /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        index: true,
        element: (
          <RequireSession>
            <OperationsListPage />
          </RequireSession>
        ),
      },
      { path: 'sign-in', element: <SignInPage /> },
      {
        path: 'operations/:operationId',
        element: (
          <RequireSession>
            <OperationPage />
          </RequireSession>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
