import type { Agency, AgencyKind } from '@lintas/contracts';
import { AGENCY_KINDS } from '@lintas/contracts/plain';
import { type FormEvent, useCallback, useState } from 'react';
import { type MessageKey, t } from '../../i18n/i18n';
import { optionsOf, SelectField } from '../../ui/select-field';
import { EditFormActions, TextField, useFormSave } from './admin-form';
import { AdminList, AdminTableHead, OutOfServiceAction, RowActions, useRowActions } from './admin-list';
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
  const { busy, errors, clearErrors, save } = useFormSave();
  const { notice, setNotice, act } = useRowActions(reload);

  const edit = (agency: Agency | null) => {
    setEditing(agency);
    setForm(agency ? { code: agency.code, name: agency.name, country: agency.country ?? '', kind: agency.kind } : EMPTY);
    clearErrors();
  };

  const submit = (event: FormEvent) =>
    save(event, async () => {
      const body = { code: form.code.trim().toUpperCase(), name: form.name, country: form.country.trim() ? form.country.trim().toUpperCase() : null, kind: form.kind };
      const saved = editing ? await api.updateAgency(editing.id, body) : await api.createAgency(body);
      setNotice(t(editing ? 'admin.agencies.saved' : 'admin.agencies.created', { code: saved.code }));
      edit(null);
      reload();
    });

  const setActive = (agency: Agency, active: boolean) =>
    act(() => api.updateAgency(agency.id, { active }), t(active ? 'admin.agencies.reactivated' : 'admin.agencies.deactivated', { code: agency.code }));

  return (
    <div className="admin-split">
      <form className="admin-form" onSubmit={submit} data-testid="agency-form" aria-labelledby="agency-form-title">
        <h3 id="agency-form-title">{editing ? t('admin.agencies.edit', { code: editing.code }) : t('admin.agencies.new')}</h3>
        <TextField label={t('admin.agencies.code')} errorId="agency-code" error={errors.fields.code} name="code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} placeholder="KH-GDI" />
        <TextField label={t('admin.agencies.name')} errorId="agency-name" error={errors.fields.name} name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField
          label={t('admin.agencies.country')}
          errorId="agency-country"
          error={errors.fields.country}
          name="country"
          maxLength={2}
          value={form.country}
          onChange={(e) => setForm({ ...form, country: e.target.value })}
          placeholder="KH"
        />
        <SelectField label={t('admin.agencies.kind')} name="kind" value={form.kind} options={optionsOf(AGENCY_KINDS, agencyKindLabel)} onValue={(kind) => setForm({ ...form, kind })} />
        <EditFormActions error={errors.form} busy={busy} saveTestId="agency-save" saveLabel={t('admin.agencies.create')} editing={!!editing} onCancel={() => edit(null)} />
      </form>
      <AdminList notice={notice} error={error}>
        <table className="admin-table" data-testid="agencies-table">
          <AdminTableHead titles={[t('admin.agencies.code'), t('admin.agencies.name'), t('admin.agencies.country'), t('admin.agencies.kind'), t('admin.state')]} />
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
                <RowActions onEdit={() => edit(agency)}>
                  <OutOfServiceAction
                    out={!agency.active}
                    label={t('admin.agencies.deactivate')}
                    question={t('admin.agencies.deactivateQuestion', { code: agency.code })}
                    backLabel={t('admin.agencies.reactivate')}
                    onSet={(out) => setActive(agency, !out)}
                  />
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminList>
    </div>
  );
}
