import { USER_ROLES, type Agency, type SetPasswordLink, type User, type UserRole } from '@lintas/contracts';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useUser } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { ConfirmAction } from '../../ui/confirm-action';
import { FieldError } from '../../ui/field-error';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../ui/form-errors';
import { userRoleLabel } from '../../ui/labels';
import { useAdminApi } from './admin-api-context';
import { SetPasswordLinkBox } from './set-password-link';
import { useLoaded } from './use-loaded';

const EMPTY = { email: '', name: '', role: 'field' as UserRole, agencyId: '' };

/** Accounts: create (with a one-time set-password link), disable, enable, reset the password. */
export function UsersTab() {
  const api = useAdminApi();
  const me = useUser();
  const users = useLoaded(useCallback((signal: AbortSignal) => api.listUsers(signal), [api]), [] as User[]);
  const agencies = useLoaded(useCallback((signal: AbortSignal) => api.listAgencies(signal), [api]), [] as Agency[]);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [link, setLink] = useState<{ email: string; link: SetPasswordLink } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState({ agencyId: '', q: '' });
  const [busy, setBusy] = useState(false);
  const activeAgencies = useMemo(() => agencies.value.filter((agency) => agency.active), [agencies.value]);

  const shown = useMemo(() => {
    const q = filter.q.trim().toLowerCase();
    return users.value.filter((user) => (!filter.agencyId || user.agency.id === filter.agencyId) && (!q || `${user.name} ${user.email}`.toLowerCase().includes(q)));
  }, [users.value, filter]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const created = await api.createUser({ ...form, email: form.email.trim() });
      setLink({ email: created.user.email, link: created.setPassword });
      setForm(EMPTY);
      users.reload();
    } catch (failure) {
      setErrors(formErrorsOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const act = async (work: () => Promise<unknown>, message: string) => {
    try {
      await work();
      setNotice(message);
      users.reload();
    } catch (failure) {
      setNotice(errorText(failure));
    }
  };

  return (
    <div className="admin-split">
      <div>
        {link ? (
          <SetPasswordLinkBox email={link.email} link={link.link} onDone={() => setLink(null)} />
        ) : (
          <form className="admin-form" onSubmit={submit} data-testid="user-form" aria-labelledby="user-form-title">
            <h3 id="user-form-title">{t('admin.users.new')}</h3>
            <p className="muted">{t('admin.users.noPassword')}</p>
            <label className="field">
              <span>{t('admin.users.email')}</span>
              <input name="email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} aria-describedby="user-email" />
              <FieldError id="user-email" message={errors.fields.email} />
            </label>
            <label className="field">
              <span>{t('admin.users.name')}</span>
              <input name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-describedby="user-name" />
              <FieldError id="user-name" message={errors.fields.name} />
            </label>
            <label className="field">
              <span>{t('admin.users.role')}</span>
              <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as UserRole })}>
                {USER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {userRoleLabel(role)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('admin.users.agency')}</span>
              <select name="agencyId" required value={form.agencyId} onChange={(e) => setForm({ ...form, agencyId: e.target.value })} aria-describedby="user-agencyId">
                <option value="">{t('admin.choose')}</option>
                {activeAgencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.code} — {agency.name}
                  </option>
                ))}
              </select>
              <FieldError id="user-agencyId" message={errors.fields.agencyId} />
            </label>
            {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
            <button type="submit" className="button button--primary" disabled={busy} data-testid="user-save">
              {t('admin.users.create')}
            </button>
          </form>
        )}
      </div>
      <div className="admin-list">
        {notice && <p className="admin-notice" role="status" data-testid="admin-notice">{notice}</p>}
        {users.error && <p className="form-error" role="alert">{users.error}</p>}
        <div className="admin-filters">
          <label className="field">
            <span>{t('admin.users.agency')}</span>
            <select value={filter.agencyId} onChange={(e) => setFilter({ ...filter, agencyId: e.target.value })}>
              <option value="">{t('admin.all')}</option>
              {agencies.value.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.code}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('admin.search')}</span>
            <input type="search" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} data-testid="users-search" />
          </label>
        </div>
        <table className="admin-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('admin.users.name')}</th>
              <th>{t('admin.users.agency')}</th>
              <th>{t('admin.users.role')}</th>
              <th>{t('admin.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((user) => (
              <tr key={user.id} data-email={user.email} className={user.disabled ? 'admin-table__row--inactive' : undefined}>
                <td>
                  <strong>{user.name}</strong>
                  <br />
                  <span className="muted">{user.email}</span>
                </td>
                <td>{user.agency.code}</td>
                <td>{userRoleLabel(user.role)}</td>
                <td data-testid="user-state">
                  {user.disabled ? t('admin.users.disabled') : !user.passwordSet ? t('admin.users.waiting') : user.signedIn ? t('admin.users.signedIn') : t('admin.active')}
                </td>
                <td className="admin-table__actions">
                  {user.id !== me.id &&
                    (user.disabled ? (
                      <button type="button" className="button button--small" onClick={() => act(() => api.updateUser(user.id, { disabled: false }), t('admin.users.enabledNotice', { email: user.email }))}>
                        {t('admin.users.enable')}
                      </button>
                    ) : (
                      <ConfirmAction
                        danger
                        label={t('admin.users.disable')}
                        question={t('admin.users.disableQuestion', { name: user.name })}
                        onConfirm={() => act(() => api.updateUser(user.id, { disabled: true }), t('admin.users.disabledNotice', { email: user.email }))}
                      />
                    ))}
                  {user.id !== me.id && (
                    <ConfirmAction
                      label={t('admin.users.reset')}
                      question={t('admin.users.resetQuestion', { name: user.name })}
                      onConfirm={async () => {
                        try {
                          const reset = await api.resetPassword(user.id);
                          setLink({ email: reset.user.email, link: reset.setPassword });
                          users.reload();
                        } catch (failure) {
                          setNotice(errorText(failure));
                        }
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
