import { Navigate, type RouteObject } from 'react-router';
import { RequireSession } from '../auth/session-context';
import { SignInPage } from '../auth/sign-in-page';
import { OperationPage } from '../features/operation/operation-page';
import { OperationsListPage } from '../features/operations/operations-list-page';
import { FieldEntryRoute } from '../field/field-entry-route';
import { AppShell } from './app-shell';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './not-found-page';

// Loaded when first shown: not on the way to the operation view's first picture.
const SetPasswordPage = lazyPage(() => import('../auth/set-password-page'), 'SetPasswordPage');
const AdminPage = lazyPage(() => import('../features/admin/admin-page'), 'AdminPage');
const AgenciesTab = lazyPage(() => import('../features/admin/agencies-tab'), 'AgenciesTab');
const AuditTab = lazyPage(() => import('../features/admin/audit-tab'), 'AuditTab');
const SitesTab = lazyPage(() => import('../features/admin/sites-tab'), 'SitesTab');
const UsersTab = lazyPage(() => import('../features/admin/users-tab'), 'UsersTab');
const CreateOperationPage = lazyPage(() => import('../features/planning/create-operation-page'), 'CreateOperationPage');

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
      // The one-time link of a new or reset account: no session needed.
      { path: 'set-password', element: <SetPasswordPage /> },
      {
        path: 'admin',
        element: (
          <RequireSession roles={['admin']}>
            <AdminPage />
          </RequireSession>
        ),
        children: [
          { index: true, element: <Navigate to="agencies" replace /> },
          { path: 'agencies', element: <AgenciesTab /> },
          { path: 'users', element: <UsersTab /> },
          { path: 'sites', element: <SitesTab /> },
          { path: 'audit', element: <AuditTab /> },
        ],
      },
      {
        path: 'operations/new',
        element: (
          <RequireSession roles={['commander', 'admin']}>
            <CreateOperationPage />
          </RequireSession>
        ),
      },
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
