import type { RouteObject } from 'react-router';
import { AppShell } from './app-shell';
import { MapPage } from './map-page';
import { NotFoundPage } from './not-found-page';

/**
 * Every page of the dashboard. The API answers `index.html` for any non-API path, so these
 * survive a reload. Sign-in, operations and the field page are added here as they are built.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <MapPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
