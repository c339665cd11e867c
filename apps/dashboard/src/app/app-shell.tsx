import { mayAdminister } from '@lintas/contracts/plain';
import { Link, Outlet, useNavigate } from 'react-router';
import { useSession, useSessionStore } from '../auth/session-context';
import { type MessageKey, t } from '../i18n/i18n';
import { userRoleLabel } from '../ui/labels';
import './app-shell.css';
import { useClientConfig } from './client-config';
import { LanguageSwitch, TimeDisplaySwitch } from './language';
import { type ServerStatus, useServerStatus } from './server-status';
import { useTheme } from './theme';

const SERVER_LABEL: Record<ServerStatus, MessageKey> = {
  checking: 'shell.server.checking',
  online: 'shell.server.online',
  degraded: 'shell.server.degraded',
  offline: 'shell.server.offline',
};

/** The frame every page sits in: the header with the product name, the status area and the theme switch. */
export function AppShell() {
  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="app-brand">
          <h1 className="app-title">
            <Link to="/" className="app-title__link">
              Lintas
            </Link>
          </h1>
          <span className="app-subtitle">{t('shell.subtitle')}</span>
        </div>
        <StatusArea />
        <SessionMenu />
        <div className="app-settings">
          <LanguageSwitch />
          <TimeDisplaySwitch />
          <ThemeToggle />
        </div>
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
  const basemap = clientConfig.config?.vectorBasemap ? t('shell.map.vector') : clientConfig.config?.tileUrl ? t('shell.map.tiles') : t('shell.map.embedded');
  return (
    <div className="app-status" role="status" aria-live="polite" data-testid="status">
      <span className={`status-item status-item--${server}`} data-testid="server-status" data-status={server}>
        <span className="status-dot" aria-hidden="true" />
        {t(SERVER_LABEL[server])}
      </span>
      <span className="status-item">{basemap}</span>
      {clientConfig.config?.demo && <span className="status-item status-item--demo">{t('shell.demo')}</span>}
    </div>
  );
}

function ThemeToggle() {
  const { theme, toggleTheme } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="theme-toggle" onClick={toggleTheme} aria-label={t(next === 'light' ? 'shell.theme.toLight' : 'shell.theme.toDark')} data-testid="theme-toggle">
      {t(next === 'light' ? 'shell.theme.light' : 'shell.theme.dark')}
    </button>
  );
}

/** Who is signed in, and the way out. */
function SessionMenu() {
  const session = useSession();
  const store = useSessionStore();
  const navigate = useNavigate();
  if (!session) return null;
  const { user } = session;
  return (
    <div className="session-menu" data-testid="session-menu">
      {mayAdminister(user) && (
        <Link to="/admin" className="session-menu__admin" data-testid="admin-link">
          {t('admin.title')}
        </Link>
      )}
      <span className="session-menu__user" title={user.email}>
        {t('session.user', { name: user.name, agency: user.agency.code, role: userRoleLabel(user.role) })}
      </span>
      <button
        type="button"
        className="theme-toggle"
        data-testid="sign-out"
        onClick={() => {
          void store.signOut();
          navigate('/sign-in', { replace: true });
        }}
      >
        {t('signOut.action')}
      </button>
    </div>
  );
}
