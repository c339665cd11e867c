import type { Agency, SetPasswordLink, User, UserRole } from '@lintas/contracts';
import { USER_ROLES } from '@lintas/contracts/plain';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useUser } from '../../auth/session-context';
import { t } from '../../i18n/i18n';
import { ConfirmAction } from '../../ui/confirm-action';
import { userRoleLabel } from '../../ui/labels';
import { optionsOf, SelectField } from '../../ui/select-field';
import { ErrorField, TextField, useFormSave } from './admin-form';
import { useAdminApi } from './admin-api-context';
import { AdminList, AdminTableHead, NameCell, OutOfServiceAction, RowActions, SearchField, useRowActions } from './admin-list';
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
  const { busy, errors, save } = useFormSave();
  const [link, setLink] = useState<{ email: string; link: SetPasswordLink } | null>(null);
  const { notice, act } = useRowActions(users.reload);
  const [filter, setFilter] = useState({ agencyId: '', q: '' });
  const activeAgencies = useMemo(() => agencies.value.filter((agency) => agency.active), [agencies.value]);
  const agencyOptions = useMemo(() => agencies.value.map((agency) => ({ value: agency.id, label: agency.code })), [agencies.value]);

  const shown = useMemo(() => {
    const q = filter.q.trim().toLowerCase();
    return users.value.filter((user) => (!filter.agencyId || user.agency.id === filter.agencyId) && (!q || `${user.name} ${user.email}`.toLowerCase().includes(q)));
  }, [users.value, filter]);

  const submit = (event: FormEvent) =>
    save(event, async () => {
      const created = await api.createUser({ ...form, email: form.email.trim() });
      setLink({ email: created.user.email, link: created.setPassword });
      setForm(EMPTY);
      users.reload();
    });

  /** A new one-time link; the notice stays as it was (the link box says it all). */
  const resetPassword = (user: User) =>
    act(async () => {
      const reset = await api.resetPassword(user.id);
      setLink({ email: reset.user.email, link: reset.setPassword });
    });

  return (
    <div className="admin-split">
      <div>
        {link ? (
          <SetPasswordLinkBox email={link.email} link={link.link} onDone={() => setLink(null)} />
        ) : (
          <form className="admin-form" onSubmit={submit} data-testid="user-form" aria-labelledby="user-form-title">
            <h3 id="user-form-title">{t('admin.users.new')}</h3>
            <p className="muted">{t('admin.users.noPassword')}</p>
            <TextField label={t('admin.users.email')} errorId="user-email" error={errors.fields.email} name="email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
            <TextField label={t('admin.users.name')} errorId="user-name" error={errors.fields.name} name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            <SelectField label={t('admin.users.role')} name="role" value={form.role} options={optionsOf(USER_ROLES, userRoleLabel)} onValue={(role) => setForm({ ...form, role })} />
            <ErrorField label={t('admin.users.agency')} errorId="user-agencyId" error={errors.fields.agencyId}>
              <select name="agencyId" required value={form.agencyId} onChange={(e) => setForm({ ...form, agencyId: e.target.value })} aria-describedby="user-agencyId">
                <option value="">{t('admin.choose')}</option>
                {activeAgencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.code} — {agency.name}
                  </option>
                ))}
              </select>
            </ErrorField>
            {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
            <button type="submit" className="button button--primary" disabled={busy} data-testid="user-save">
              {t('admin.users.create')}
            </button>
          </form>
        )}
      </div>
      <AdminList notice={notice} error={users.error}>
        <div className="admin-filters">
          <SelectField label={t('admin.users.agency')} value={filter.agencyId} options={agencyOptions} onValue={(agencyId) => setFilter({ ...filter, agencyId })} emptyLabel={t('admin.all')} />
          <SearchField value={filter.q} onValue={(q) => setFilter({ ...filter, q })} testId="users-search" />
        </div>
        <table className="admin-table" data-testid="users-table">
          <AdminTableHead titles={[t('admin.users.name'), t('admin.users.agency'), t('admin.users.role'), t('admin.state')]} />
          <tbody>
            {shown.map((user) => (
              <tr key={user.id} data-email={user.email} className={user.disabled ? 'admin-table__row--inactive' : undefined}>
                <NameCell name={user.name} detail={user.email} />
                <td>{user.agency.code}</td>
                <td>{userRoleLabel(user.role)}</td>
                <td data-testid="user-state">
                  {user.disabled ? t('admin.users.disabled') : !user.passwordSet ? t('admin.users.waiting') : user.signedIn ? t('admin.users.signedIn') : t('admin.active')}
                </td>
                <RowActions>
                  {user.id !== me.id && (
                    <OutOfServiceAction
                      out={user.disabled}
                      label={t('admin.users.disable')}
                      question={t('admin.users.disableQuestion', { name: user.name })}
                      backLabel={t('admin.users.enable')}
                      onSet={(disabled) => act(() => api.updateUser(user.id, { disabled }), t(disabled ? 'admin.users.disabledNotice' : 'admin.users.enabledNotice', { email: user.email }))}
                    />
                  )}
                  {user.id !== me.id && <ConfirmAction label={t('admin.users.reset')} question={t('admin.users.resetQuestion', { name: user.name })} onConfirm={() => resetPassword(user)} />}
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminList>
    </div>
  );
}
