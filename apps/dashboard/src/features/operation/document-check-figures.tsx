import type { DocumentCheckFiguresRow } from '@lintas/contracts';
import { useEffect, useState } from 'react';
import { isAbortError } from '../../api/api-error';
import { useApi } from '../../auth/session-context';
import { t } from '../../i18n/i18n';

/**
 * Document checks, potential hits and confirmed hits per site and day, as the API counts them
 * (counts only: no document data). Read again whenever `refreshKey` changes (a new alert or verdict).
 */
export function DocumentCheckFigures({ operationId, refreshKey, siteName }: { operationId: string; refreshKey: string; siteName: (siteId: string) => string | null }) {
  const api = useApi();
  const [rows, setRows] = useState<DocumentCheckFiguresRow[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.documentCheckFigures(operationId, controller.signal).then(setRows, (error: unknown) => {
      if (!isAbortError(error)) setRows([]);
    });
    return () => controller.abort();
  }, [api, operationId, refreshKey]);

  return (
    <>
      <h4>{t('figures.checks')}</h4>
      {!rows?.length ? (
        <p className="muted">{t('figures.checksNone')}</p>
      ) : (
        <table className="figures__table" data-testid="figures-checks">
          <thead>
            <tr>
              <th>{t('figures.checksHead.site')}</th>
              <th>{t('figures.checksHead.day')}</th>
              <th>{t('figures.checksHead.checks')}</th>
              <th>{t('figures.checksHead.potential')}</th>
              <th>{t('figures.checksHead.confirmed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.siteId ?? '-'}:${row.day}`}>
                <td>{row.siteId ? (siteName(row.siteId) ?? '—') : '—'}</td>
                <td>{row.day}</td>
                <td>{row.checks}</td>
                <td>{row.potentialHits}</td>
                <td>{row.confirmedHits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
