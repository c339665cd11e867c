import { AGENCY_KINDS, type Agency, type AgencyKind } from '@lintas/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { type MessageKey, t } from '../../i18n/i18n';
import { ConfirmAction } from '../../ui/confirm-action';
import { FieldError } from '../../ui/field-error';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../ui/form-errors';
import { useAdminApi } from './admin-api-context';
import { useLoaded } from './use-loaded';

const EMPTY = { code: '', name: '', country: '', kind: 'police' as AgencyKind };
export const agencyKindLabel = (kind: AgencyKind) => t(`admin.agencyKind.${kind}` as MessageKey);

/** Agencies: create, edit (code, name, country, kind), deactivate and reactivate. */
export function AgenciesTab() {
  const api = useAdminApi();
  const { value: agencies, error, reload } = useLoaded(useCallback((signal: AbortSignal) => api.listAgencies(signal), [api]), [] as Agency[]);
  const [editing, setEditing] = useState<Agency | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (agency: Agency | null) => {
    setEditing(agency);
    setForm(agency ? { code: agency.code, name: agency.name, country: agency.country ?? '', kind: agency.kind } : EMPTY);
    setErrors(NO_ERRORS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    const body = { code: form.code.trim().toUpperCase(), name: form.name, country: form.country.trim() ? form.country.trim().toUpperCase() : null, kind: form.kind };
    try {
      const saved = editing ? await api.updateAgency(editing.id, body) : await api.createAgency(body);
      setNotice(t(editing ? 'admin.agencies.saved' : 'admin.agencies.created', { code: saved.code }));
      edit(null);
      reload();
    } catch (failure) {
      setErrors(formErrorsOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const setActive = async (agency: Agency, active: boolean) => {
    try {
      await api.updateAgency(agency.id, { active });
      setNotice(t(active ? 'admin.agencies.reactivated' : 'admin.agencies.deactivated', { code: agency.code }));
      reload();
    } catch (failure) {
      setNotice(errorText(failure));
    }
  };

  return (
    <div className="admin-split">
      <form className="admin-form" onSubmit={submit} data-testid="agency-form" aria-labelledby="agency-form-title">
        <h3 id="agency-form-title">{editing ? t('admin.agencies.edit', { code: editing.code }) : t('admin.agencies.new')}</h3>
        <label className="field">
          <span>{t('admin.agencies.code')}</span>
          <input name="code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} aria-describedby="agency-code" placeholder="KH-GDI" />
          <FieldError id="agency-code" message={errors.fields.code} />
        </label>
        <label className="field">
          <span>{t('admin.agencies.name')}</span>
          <input name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-describedby="agency-name" />
          <FieldError id="agency-name" message={errors.fields.name} />
        </label>
        <label className="field">
          <span>{t('admin.agencies.country')}</span>
          <input name="country" maxLength={2} value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })} aria-describedby="agency-country" placeholder="KH" />
          <FieldError id="agency-country" message={errors.fields.country} />
        </label>
        <label className="field">
          <span>{t('admin.agencies.kind')}</span>
          <select name="kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as AgencyKind })}>
            {AGENCY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {agencyKindLabel(kind)}
              </option>
            ))}
          </select>
        </label>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="agency-save">
            {editing ? t('admin.save') : t('admin.agencies.create')}
          </button>
          {editing && (
            <button type="button" className="button" onClick={() => edit(null)}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
      <div className="admin-list">
        {notice && <p className="admin-notice" role="status" data-testid="admin-notice">{notice}</p>}
        {error && <p className="form-error" role="alert">{error}</p>}
        <table className="admin-table" data-testid="agencies-table">
          <thead>
            <tr>
              <th>{t('admin.agencies.code')}</th>
              <th>{t('admin.agencies.name')}</th>
              <th>{t('admin.agencies.country')}</th>
              <th>{t('admin.agencies.kind')}</th>
              <th>{t('admin.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {agencies.map((agency) => (
              <tr key={agency.id} data-code={agency.code} className={agency.active ? undefined : 'admin-table__row--inactive'}>
                <td>
                  <strong>{agency.code}</strong>
                </td>
                <td>{agency.name}</td>
                <td>{agency.country ?? '—'}</td>
                <td>{agencyKindLabel(agency.kind)}</td>
                <td>{agency.active ? t('admin.active') : t('admin.agencies.inactive')}</td>
                <td className="admin-table__actions">
                  <button type="button" className="button button--small" onClick={() => edit(agency)}>
                    {t('admin.edit')}
                  </button>
                  {agency.active ? (
                    <ConfirmAction danger label={t('admin.agencies.deactivate')} question={t('admin.agencies.deactivateQuestion', { code: agency.code })} onConfirm={() => setActive(agency, false)} />
                  ) : (
                    <button type="button" className="button button--small" onClick={() => setActive(agency, true)}>
                      {t('admin.agencies.reactivate')}
                    </button>
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
