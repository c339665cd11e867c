import { api, sessionStore } from './early-start';
import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { SessionProvider } from '../auth/session-context';
import { ClientConfigProvider } from './client-config';
import { LanguageProvider } from './language';
import { routes } from './routes';
import { ThemeProvider } from './theme';
import './theme.css';
import './controls.css';

export { prepareLanguage } from './language';

/** Providers, outermost first, then the routes. */
export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <ThemeProvider>
      <ClientConfigProvider>
        <SessionProvider store={sessionStore} api={api}>
          <LanguageProvider>
            <RouterProvider router={router} />
          </LanguageProvider>
        </SessionProvider>
      </ClientConfigProvider>
    </ThemeProvider>
  );
}
