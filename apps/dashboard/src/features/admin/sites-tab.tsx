import type { Site, SiteKind } from '@lintas/contracts';
import { SITE_KINDS } from '@lintas/contracts/plain';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useClientConfig } from '../../app/client-config';
import { t } from '../../i18n/i18n';
import { BaseMap } from '../../map/base-map';
import { PointPickLayer } from '../../map/layers/point-pick-layer';
import { SitesLayer } from '../../map/layers/sites-layer';
import { siteKindLabel } from '../../ui/labels';
import { optionsOf, SelectField } from '../../ui/select-field';
import { EditFormActions, TextField, useFormSave } from './admin-form';
import { AdminList, AdminTableHead, NameCell, OutOfServiceAction, RowActions, SearchField, useRowActions } from './admin-list';
import { useAdminApi } from './admin-api-context';
import { useLoaded } from './use-loaded';

const EMPTY = { code: '', name: '', kind: 'land' as SiteKind, country: '', counterpart: '', lat: '', lon: '' };

/** Border sites: add by clicking the map or typing coordinates, edit, retire (a retired site stays on past operations). */
export function SitesTab() {
  const api = useAdminApi();
  const { config } = useClientConfig();
  const { value: sites, error, reload } = useLoaded(useCallback((signal: AbortSignal) => api.listSites({ includeRetired: 'true' }, signal), [api]), [] as Site[]);
  const [editing, setEditing] = useState<Site | null>(null);
  const [form, setForm] = useState(EMPTY);
  const { busy, errors, clearErrors, save } = useFormSave();
  const { notice, setNotice, act } = useRowActions(reload);
  const [q, setQ] = useState('');
  const activeSites = useMemo(() => sites.filter((site) => !site.retired), [sites]);
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return sites.filter((site) => !needle || `${site.name} ${site.code} ${site.country}`.toLowerCase().includes(needle)).slice(0, 200);
  }, [sites, q]);
  const point = form.lat !== '' && form.lon !== '' ? { lat: Number(form.lat), lon: Number(form.lon) } : null;

  const edit = (site: Site | null) => {
    setEditing(site);
    clearErrors();
    setForm(
      site
        ? { code: site.code, name: site.name, kind: site.kind, country: site.country, counterpart: site.counterpart ?? '', lat: String(site.lat), lon: String(site.lon) }
        : EMPTY,
    );
  };

  const submit = (event: FormEvent) =>
    save(event, async () => {
      const fields = {
        name: form.name,
        kind: form.kind,
        country: form.country.trim().toUpperCase(),
        counterpart: form.counterpart.trim() ? form.counterpart.trim().toUpperCase() : null,
        lat: Number(form.lat),
        lon: Number(form.lon),
      };
      const saved = editing ? await api.updateSite(editing.id, fields) : await api.createSite({ ...fields, code: form.code.trim() });
      setNotice(t(editing ? 'admin.sites.saved' : 'admin.sites.created', { name: saved.name }));
      edit(null);
      reload();
    });

  const setRetired = (site: Site, retired: boolean) =>
    act(() => api.updateSite(site.id, { retired }), t(retired ? 'admin.sites.retiredNotice' : 'admin.sites.restoredNotice', { name: site.name }));

  return (
    <div className="admin-sites">
      <div className="admin-sites__map" data-testid="sites-map">
        <BaseMap tileUrl={config?.tileUrl} tileAttribution={config?.tileAttribution}>
          <SitesLayer sites={activeSites} visible />
          <PointPickLayer point={point} onPick={(picked) => setForm((current) => ({ ...current, lat: String(picked.lat), lon: String(picked.lon) }))} />
        </BaseMap>
      </div>
      <div className="admin-split">
        <form className="admin-form" onSubmit={submit} data-testid="site-form" aria-labelledby="site-form-title">
          <h3 id="site-form-title">{editing ? t('admin.sites.edit', { name: editing.name }) : t('admin.sites.new')}</h3>
          <p className="muted">{t('admin.sites.pickHint')}</p>
          {!editing && (
            <TextField label={t('admin.sites.code')} errorId="site-code" error={errors.fields.code} name="code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} placeholder="kh-koh-kong" />
          )}
          <TextField label={t('admin.sites.name')} errorId="site-name" error={errors.fields.name} name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <SelectField label={t('admin.sites.kind')} name="kind" value={form.kind} options={optionsOf(SITE_KINDS, siteKindLabel)} onValue={(kind) => setForm({ ...form, kind })} />
          <div className="admin-form__row">
            <TextField label={t('admin.sites.country')} errorId="site-country" error={errors.fields.country} name="country" required maxLength={2} value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })} />
            <TextField label={t('admin.sites.counterpart')} errorId="site-counterpart" error={errors.fields.counterpart} name="counterpart" maxLength={2} value={form.counterpart} onChange={(e) => setForm({ ...form, counterpart: e.target.value })} />
          </div>
          <div className="admin-form__row">
            <TextField label={t('admin.sites.lat')} errorId="site-lat" error={errors.fields.lat} name="lat" required inputMode="decimal" value={form.lat} onChange={(e) => setForm({ ...form, lat: e.target.value })} />
            <TextField label={t('admin.sites.lon')} errorId="site-lon" error={errors.fields.lon} name="lon" required inputMode="decimal" value={form.lon} onChange={(e) => setForm({ ...form, lon: e.target.value })} />
          </div>
          <EditFormActions error={errors.form} busy={busy} saveTestId="site-save" saveLabel={t('admin.sites.create')} editing={!!editing} onCancel={() => edit(null)} />
        </form>
        <AdminList notice={notice} error={error}>
          <SearchField value={q} onValue={setQ} testId="sites-search" />
          <table className="admin-table" data-testid="sites-table">
            <AdminTableHead titles={[t('admin.sites.name'), t('admin.sites.kind'), t('admin.sites.country'), t('admin.state')]} />
            <tbody>
              {shown.map((site) => (
                <tr key={site.id} data-code={site.code} className={site.retired ? 'admin-table__row--inactive' : undefined}>
                  <NameCell name={site.name} detail={site.code} />
                  <td>{siteKindLabel(site.kind)}</td>
                  <td>
                    {site.country}
                    {site.counterpart ? ` ↔ ${site.counterpart}` : ''}
                  </td>
                  <td>{site.retired ? t('admin.sites.retired') : t('admin.active')}</td>
                  <RowActions onEdit={() => edit(site)}>
                    <OutOfServiceAction
                      out={site.retired}
                      label={t('admin.sites.retire')}
                      question={t('admin.sites.retireQuestion', { name: site.name })}
                      backLabel={t('admin.sites.restore')}
                      onSet={(retired) => setRetired(site, retired)}
                    />
                  </RowActions>
                </tr>
              ))}
            </tbody>
          </table>
        </AdminList>
      </div>
    </div>
  );
}
