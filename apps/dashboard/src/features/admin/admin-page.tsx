import { useMemo } from 'react';
import { NavLink, Outlet } from 'react-router';
import { administrationApi } from '../../api/administration-api';
import { useApi } from '../../auth/session-context';
import { t } from '../../i18n/i18n';
import './admin.css';
import { AdminApiContext } from './admin-api-context';

const TABS = [
  { to: 'agencies', label: 'admin.tab.agencies' },
  { to: 'users', label: 'admin.tab.users' },
  { to: 'sites', label: 'admin.tab.sites' },
  { to: 'audit', label: 'admin.tab.audit' },
] as const;

/** `/admin/*`: the administrators' section (agencies, accounts, border sites, the audit trail). */
export function AdminPage() {
  const api = useApi();
  const admin = useMemo(() => administrationApi(api), [api]);
  return (
    <AdminApiContext.Provider value={admin}>
      <section className="admin" aria-labelledby="admin-title" data-testid="admin">
        <header className="admin__head">
          <h2 id="admin-title">{t('admin.title')}</h2>
          <nav className="admin__tabs" aria-label={t('admin.title')}>
            {TABS.map((tab) => (
              <NavLink key={tab.to} to={tab.to} className={({ isActive }) => `admin__tab${isActive ? ' admin__tab--active' : ''}`} data-testid={`admin-tab-${tab.to}`}>
                {t(tab.label)}
              </NavLink>
            ))}
          </nav>
        </header>
        <div className="admin__body">
          <Outlet />
        </div>
      </section>
    </AdminApiContext.Provider>
  );
}
