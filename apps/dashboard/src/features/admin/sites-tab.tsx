import { SITE_KINDS, type Site, type SiteKind } from '@lintas/contracts';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useClientConfig } from '../../app/client-config';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { BaseMap } from '../../map/base-map';
import { PointPickLayer } from '../../map/layers/point-pick-layer';
import { SitesLayer } from '../../map/layers/sites-layer';
import { ConfirmAction } from '../../ui/confirm-action';
import { FieldError } from '../../ui/field-error';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../ui/form-errors';
import { siteKindLabel } from '../../ui/labels';
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
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const activeSites = useMemo(() => sites.filter((site) => !site.retired), [sites]);
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return sites.filter((site) => !needle || `${site.name} ${site.code} ${site.country}`.toLowerCase().includes(needle)).slice(0, 200);
  }, [sites, q]);
  const point = form.lat !== '' && form.lon !== '' ? { lat: Number(form.lat), lon: Number(form.lon) } : null;

  const edit = (site: Site | null) => {
    setEditing(site);
    setErrors(NO_ERRORS);
    setForm(
      site
        ? { code: site.code, name: site.name, kind: site.kind, country: site.country, counterpart: site.counterpart ?? '', lat: String(site.lat), lon: String(site.lon) }
        : EMPTY,
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    const fields = {
      name: form.name,
      kind: form.kind,
      country: form.country.trim().toUpperCase(),
      counterpart: form.counterpart.trim() ? form.counterpart.trim().toUpperCase() : null,
      lat: Number(form.lat),
      lon: Number(form.lon),
    };
    try {
      const saved = editing ? await api.updateSite(editing.id, fields) : await api.createSite({ ...fields, code: form.code.trim() });
      setNotice(t(editing ? 'admin.sites.saved' : 'admin.sites.created', { name: saved.name }));
      edit(null);
      reload();
    } catch (failure) {
      setErrors(formErrorsOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const setRetired = async (site: Site, retired: boolean) => {
    try {
      await api.updateSite(site.id, { retired });
      setNotice(t(retired ? 'admin.sites.retiredNotice' : 'admin.sites.restoredNotice', { name: site.name }));
      reload();
    } catch (failure) {
      setNotice(errorText(failure));
    }
  };

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
            <label className="field">
              <span>{t('admin.sites.code')}</span>
              <input name="code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} placeholder="kh-koh-kong" aria-describedby="site-code" />
              <FieldError id="site-code" message={errors.fields.code} />
            </label>
          )}
          <label className="field">
            <span>{t('admin.sites.name')}</span>
            <input name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-describedby="site-name" />
            <FieldError id="site-name" message={errors.fields.name} />
          </label>
          <label className="field">
            <span>{t('admin.sites.kind')}</span>
            <select name="kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as SiteKind })}>
              {SITE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {siteKindLabel(kind)}
                </option>
              ))}
            </select>
          </label>
          <div className="admin-form__row">
            <label className="field">
              <span>{t('admin.sites.country')}</span>
              <input name="country" required maxLength={2} value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })} aria-describedby="site-country" />
              <FieldError id="site-country" message={errors.fields.country} />
            </label>
            <label className="field">
              <span>{t('admin.sites.counterpart')}</span>
              <input name="counterpart" maxLength={2} value={form.counterpart} onChange={(e) => setForm({ ...form, counterpart: e.target.value })} aria-describedby="site-counterpart" />
              <FieldError id="site-counterpart" message={errors.fields.counterpart} />
            </label>
          </div>
          <div className="admin-form__row">
            <label className="field">
              <span>{t('admin.sites.lat')}</span>
              <input name="lat" required inputMode="decimal" value={form.lat} onChange={(e) => setForm({ ...form, lat: e.target.value })} aria-describedby="site-lat" />
              <FieldError id="site-lat" message={errors.fields.lat} />
            </label>
            <label className="field">
              <span>{t('admin.sites.lon')}</span>
              <input name="lon" required inputMode="decimal" value={form.lon} onChange={(e) => setForm({ ...form, lon: e.target.value })} aria-describedby="site-lon" />
              <FieldError id="site-lon" message={errors.fields.lon} />
            </label>
          </div>
          {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="site-save">
              {editing ? t('admin.save') : t('admin.sites.create')}
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
          <label className="field">
            <span>{t('admin.search')}</span>
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="sites-search" />
          </label>
          <table className="admin-table" data-testid="sites-table">
            <thead>
              <tr>
                <th>{t('admin.sites.name')}</th>
                <th>{t('admin.sites.kind')}</th>
                <th>{t('admin.sites.country')}</th>
                <th>{t('admin.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map((site) => (
                <tr key={site.id} data-code={site.code} className={site.retired ? 'admin-table__row--inactive' : undefined}>
                  <td>
                    <strong>{site.name}</strong>
                    <br />
                    <span className="muted">{site.code}</span>
                  </td>
                  <td>{siteKindLabel(site.kind)}</td>
                  <td>
                    {site.country}
                    {site.counterpart ? ` ↔ ${site.counterpart}` : ''}
                  </td>
                  <td>{site.retired ? t('admin.sites.retired') : t('admin.active')}</td>
                  <td className="admin-table__actions">
                    <button type="button" className="button button--small" onClick={() => edit(site)}>
                      {t('admin.edit')}
                    </button>
                    {site.retired ? (
                      <button type="button" className="button button--small" onClick={() => setRetired(site, false)}>
                        {t('admin.sites.restore')}
                      </button>
                    ) : (
                      <ConfirmAction danger label={t('admin.sites.retire')} question={t('admin.sites.retireQuestion', { name: site.name })} onConfirm={() => setRetired(site, true)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
