import type { ExportFormat } from '@lintas/contracts';
import { EXPORT_FORMATS } from '@lintas/contracts/plain';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { ApiClient } from '../../api/api-client';
import { useApi } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t, type MessageKey } from '../../i18n/i18n';
import { exportQueryOf, type ExportScope } from './export-query';
import type { ViewFilters } from './view-filters';
import './export-menu.css';

const FORMAT_LABELS: Readonly<Record<ExportFormat, MessageKey>> = {
  geojson: 'export.geojson',
  csv: 'export.csv',
  kml: 'export.kml',
  tak: 'export.tak',
};

type Status = { kind: 'idle' } | { kind: 'busy'; format: ExportFormat } | { kind: 'saved'; fileName: string } | { kind: 'failed'; message: string };

/**
 * The Export menu of the operation view: GeoJSON, CSV, KML or a TAK data package, of what the
 * map's filters show or of everything the user may see. The server decides what goes in (the
 * marking rule) and names the file with its most restrictive marking; the page only saves it.
 */
export function ExportMenu({ operationId, filters }: { operationId: string; filters: ViewFilters }) {
  const api = useApi();
  const [scope, setScope] = useState<ExportScope>('filtered');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const download = async (format: ExportFormat) => {
    setStatus({ kind: 'busy', format });
    try {
      const fileName = await downloadExport(api, operationId, exportQueryOf(format, scope, filters, clock()));
      setStatus({ kind: 'saved', fileName });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof ApiError ? errorText(error) : t('export.failed') });
    }
  };

  return (
    <details className="export-menu" data-testid="export-menu">
      <summary className="button button--small">{t('export.title')}</summary>
      <div className="export-menu__panel" role="group" aria-label={t('export.title')}>
        <fieldset className="export-menu__scope">
          <legend>{t('export.scope')}</legend>
          {(['filtered', 'everything'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="export-scope" value={value} checked={scope === value} onChange={() => setScope(value)} data-testid={`export-scope-${value}`} />
              {t(value === 'filtered' ? 'export.scopeFiltered' : 'export.scopeEverything')}
            </label>
          ))}
        </fieldset>
        <div className="export-menu__formats">
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--small"
              disabled={status.kind === 'busy'}
              onClick={() => void download(format)}
              data-testid={`export-${format}`}
            >
              {status.kind === 'busy' && status.format === format ? t('export.preparing') : t(FORMAT_LABELS[format])}
            </button>
          ))}
        </div>
        <p className="export-menu__note muted">{t('export.markingNote')}</p>
        {status.kind === 'saved' && (
          <p className="export-menu__status" data-testid="export-saved" role="status">
            {t('export.saved', { fileName: status.fileName })}
          </p>
        )}
        {status.kind === 'failed' && (
          <p className="export-menu__status export-menu__status--error" role="alert">
            {status.message}
          </p>
        )}
      </div>
    </details>
  );
}

/** The export's time window ends now (a module function: the view's render stays pure). */
function clock(): number {
  return Date.now();
}

/** Fetches the file and hands it to the browser's download under the server's name; answers that name. */
async function downloadExport(api: ApiClient, operationId: string, query: Record<string, string>): Promise<string> {
  const file = await api.downloadExport(operationId, query);
  const fileName = file.fileName ?? `lintas-export.${query.format === 'tak' ? 'zip' : query.format}`;
  saveBlob(file.blob, fileName);
  return fileName;
}

/** Hands the file to the browser's download, under the server's name. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
