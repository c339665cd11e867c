import type { Operation, Site } from '@lintas/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { AdministrationApi } from '../../api/administration-api';
import { isAbortError } from '../../api/api-error';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { siteKindLabel } from '../../ui/labels';

/** The operation's border sites: detach, or find one by name or code and attach it. */
export function SitesSection({ operation, api }: { operation: Operation; api: AdministrationApi }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Site[]>([]);
  const [error, setError] = useState<string | null>(null);
  const attached = new Set(operation.sites.map((site) => site.id));

  useEffect(() => {
    const needle = q.trim();
    if (needle.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.listSites({ q: needle }, controller.signal).then(
        (sites) => setFound(sites.slice(0, 20)),
        (failure: unknown) => {
          if (!isAbortError(failure)) setError(errorText(failure));
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, q]);

  const run = useCallback(async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    }
  }, []);

  return (
    <section className="planning__section" aria-labelledby="planning-sites">
      <h4 id="planning-sites">{t('planning.sites.title')}</h4>
      <ul className="planning__list" data-testid="planning-sites">
        {operation.sites.length === 0 && <li className="muted">{t('planning.sites.none')}</li>}
        {operation.sites.map((site) => (
          <li key={site.id} data-code={site.code}>
            <span>
              <strong>{site.name}</strong> <span className="muted">{siteKindLabel(site.kind)} · {site.country}</span>
              {site.retired && <span className="muted"> · {t('admin.sites.retired')}</span>}
            </span>
            <button type="button" className="button button--small" onClick={() => run(() => api.detachSite(operation.id, site.id))}>
              {t('planning.sites.detach')}
            </button>
          </li>
        ))}
      </ul>
      <label className="field">
        <span>{t('planning.sites.find')}</span>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('planning.sites.findHint')} data-testid="site-search" />
      </label>
      <ul className="planning__list" data-testid="site-results">
        {(q.trim().length < 2 ? [] : found)
          .filter((site) => !attached.has(site.id))
          .map((site) => (
            <li key={site.id} data-code={site.code}>
              <span>
                {site.name} <span className="muted">{site.code}</span>
              </span>
              <button type="button" className="button button--small" onClick={() => run(() => api.attachSite(operation.id, site.id))} data-testid={`attach-${site.code}`}>
                {t('planning.sites.attach')}
              </button>
            </li>
          ))}
      </ul>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
