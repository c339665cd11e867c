import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ApiClient } from '../api/api-client';
import { SessionProvider } from '../auth/session-context';
import { SessionStore } from '../auth/session-store';
import { loadCountryOutlines } from '../map/basemap';
import { prefetchSnapshot } from '../realtime/snapshot-prefetch';
import { ClientConfigProvider } from './client-config';
import { routes } from './routes';
import { ThemeProvider } from './theme';
import './theme.css';
import './controls.css';

// Created with the module, not in a render: an operation's snapshot can be on its way before React renders.
const sessionStore = new SessionStore();
const api = new ApiClient({ tokens: sessionStore });
if (typeof window !== 'undefined' && prefetchSnapshot(window.location.pathname, api, sessionStore.getSession() !== null)) {
  loadCountryOutlines().catch(() => undefined); // the map's outlines, converted while the snapshot is on its way
}

/** Providers, outermost first, then the routes. */
export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <ThemeProvider>
      <ClientConfigProvider>
        <SessionProvider store={sessionStore} api={api}>
          <RouterProvider router={router} />
        </SessionProvider>
      </ClientConfigProvider>
    </ThemeProvider>
  );
}
