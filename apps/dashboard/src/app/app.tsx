import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ClientConfigProvider } from './client-config';
import { routes } from './routes';
import { ThemeProvider } from './theme';
import './theme.css';

/** Providers, outermost first, then the routes. */
export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <ThemeProvider>
      <ClientConfigProvider>
        <RouterProvider router={router} />
      </ClientConfigProvider>
    </ThemeProvider>
  );
}
