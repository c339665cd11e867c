// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/session-context';
import { setLocale } from '../i18n/translate';
import { ClientConfigProvider, parseClientConfig } from './client-config';
import { LanguageProvider } from './language';
import { routes } from './routes';
import { initialTheme, THEME_STORAGE_KEY, ThemeProvider } from './theme';

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(
    <ThemeProvider>
      <ClientConfigProvider>
        <SessionProvider>
          <LanguageProvider>
            <RouterProvider router={router} />
          </LanguageProvider>
        </SessionProvider>
      </ClientConfigProvider>
    </ThemeProvider>,
  );
}

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('app shell', () => {
  beforeEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset.theme;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string) => {
        if (path === '/api/health') return answer({ status: 'ok' });
        if (path === '/api/client-config') return answer({ tileUrl: null, tileAttribution: null, demo: true, positionStaleSeconds: 300 });
        return answer({ message: 'not found' }, 404);
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    setLocale('en');
  });

  it('switches the language from the header, page and all, and keeps the choice on this browser', { timeout: 30_000 }, async () => {
    renderAt('/sign-in');
    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'th' } });
    // The Thai catalogue is a chunk of its own, loaded on first use (slow on a busy machine).
    await waitFor(() => expect(screen.getByRole('heading', { name: 'เข้าสู่ระบบ' })).toBeTruthy(), { timeout: 15_000 });
    expect(screen.getByText('การประสานงานปฏิบัติการร่วม')).toBeTruthy();
    expect(document.documentElement.lang).toBe('th');
    expect(localStorage.getItem('lintas.language')).toBe('th');
    fireEvent.change(screen.getByTestId('time-display-switch'), { target: { value: 'utc' } });
    await waitFor(() => expect((screen.getByTestId('time-display-switch') as HTMLSelectElement).value).toBe('utc'), { timeout: 15_000 });
    expect(localStorage.getItem('lintas.time-display')).toBe('utc');
    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy(), { timeout: 15_000 });
    fireEvent.change(screen.getByTestId('time-display-switch'), { target: { value: 'local' } });
  });

  it('sends a signed-out visitor to the sign-in page, over the map, with the server status', async () => {
    renderAt('/');
    expect(screen.getByRole('heading', { name: 'Lintas' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByTestId('map')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('server-status').dataset.status).toBe('online'));
    expect(screen.getByTestId('status').textContent).toContain('embedded outlines');
    expect(screen.getByText('DEMO DATA')).toBeTruthy();
  });

  it('reports an unreachable server without breaking the map', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderAt('/');
    await waitFor(() => expect(screen.getByTestId('server-status').dataset.status).toBe('offline'));
    expect(screen.getByTestId('map')).toBeTruthy();
  });

  it('answers an unknown address inside the frame with a way back', () => {
    renderAt('/no/such/page');
    expect(screen.getByRole('heading', { name: 'Lintas' })).toBeTruthy();
    expect(screen.getByText('Page not found')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the operations' }).getAttribute('href')).toBe('/');
  });

  it('starts dark and switches to light and back, remembering the choice', () => {
    renderAt('/');
    expect(document.documentElement.dataset.theme).toBe('dark');
    fireEvent.click(screen.getByTestId('theme-toggle'));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    expect(initialTheme(localStorage)).toBe('light');
    fireEvent.click(screen.getByTestId('theme-toggle'));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

describe('parseClientConfig', () => {
  it('keeps a valid tile URL template with its attribution', () => {
    expect(parseClientConfig({ tileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png', tileAttribution: '© tiles', demo: false, positionStaleSeconds: 120 })).toEqual({
      tileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png',
      tileAttribution: '© tiles',
      demo: false,
      positionStaleSeconds: 120,
      vectorBasemap: false, // not said: off
    });
    expect(parseClientConfig({ vectorBasemap: true }).vectorBasemap).toBe(true);
  });

  it('ignores a missing or unusable tile URL: the embedded basemap is the default', () => {
    expect(parseClientConfig({ tileUrl: null, demo: true }).tileUrl).toBeNull();
    expect(parseClientConfig({ tileUrl: 'javascript:alert(1)//{z}{x}{y}' }).tileUrl).toBeNull();
    expect(parseClientConfig({ tileUrl: 'https://tiles.example.test/tile.png', tileAttribution: 'x' })).toMatchObject({ tileUrl: null, tileAttribution: null });
    expect(parseClientConfig({}).positionStaleSeconds).toBe(300);
  });

  it('refuses an answer that is not an object', () => {
    expect(() => parseClientConfig('<html>')).toThrow(/not an object/);
  });
});
