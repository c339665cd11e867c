import { Outlet } from 'react-router';
import './app-shell.css';
import { useClientConfig } from './client-config';
import { type ServerStatus, useServerStatus } from './server-status';
import { useTheme } from './theme';

const SERVER_LABEL: Record<ServerStatus, string> = {
  checking: 'Server: checking…',
  online: 'Server: online',
  degraded: 'Server: degraded',
  offline: 'Server: unreachable',
};

/** The frame every page sits in: the header with the product name, the status area and the theme switch. */
export function AppShell() {
  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="app-brand">
          <h1 className="app-title">Lintas</h1>
          <span className="app-subtitle">Joint operations coordination</span>
        </div>
        <StatusArea />
        <ThemeToggle />
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

function StatusArea() {
  const server = useServerStatus();
  const clientConfig = useClientConfig();
  const basemap = clientConfig.config?.tileUrl ? 'Map: tiles + embedded outlines' : 'Map: embedded outlines (offline-ready)';
  return (
    <div className="app-status" role="status" aria-live="polite" data-testid="status">
      <span className={`status-item status-item--${server}`} data-testid="server-status" data-status={server}>
        <span className="status-dot" aria-hidden="true" />
        {SERVER_LABEL[server]}
      </span>
      <span className="status-item">{basemap}</span>
      {clientConfig.config?.demo && <span className="status-item status-item--demo">DEMO DATA</span>}
    </div>
  );
}

function ThemeToggle() {
  const { theme, toggleTheme } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="theme-toggle" onClick={toggleTheme} aria-label={`Switch to the ${next} theme`} data-testid="theme-toggle">
      {theme === 'dark' ? 'Light theme' : 'Dark theme'}
    </button>
  );
}
