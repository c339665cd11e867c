import type { Agency, AuditEntry, OperationSummary, User } from '@lintas/contracts';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { isAbortError } from '../../api/api-error';
import { useApi } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { SelectField } from '../../ui/select-field';
import { TimeText } from '../../ui/time-text';
import '../../ui/field-error.css';
import { useAdminApi } from './admin-api-context';
import { useLoaded } from './use-loaded';

interface Filters {
  userId: string;
  agencyId: string;
  operationId: string;
  action: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { userId: '', agencyId: '', operationId: '', action: '', from: '', to: '' };
const PAGE = 50;

/** The audit trail, read-only: who did (or read) what and when, filtered, newest first, a page at a time. */
export function AuditTab() {
  const api = useAdminApi();
  const rest = useApi();
  const users = useLoaded(useCallback((signal: AbortSignal) => api.listUsers(signal), [api]), [] as User[]);
  const agencies = useLoaded(useCallback((signal: AbortSignal) => api.listAgencies(signal), [api]), [] as Agency[]);
  const operations = useLoaded(useCallback((signal: AbortSignal) => rest.listOperations(signal), [rest]), [] as OperationSummary[]);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const query = useMemo(
    () => ({
      userId: filters.userId || undefined,
      agencyId: filters.agencyId || undefined,
      operationId: filters.operationId || undefined,
      action: filters.action.trim() || undefined,
      from: filters.from ? new Date(filters.from).toISOString() : undefined,
      to: filters.to ? new Date(filters.to).toISOString() : undefined,
      limit: PAGE,
    }),
    [filters],
  );
  useEffect(() => {
    const controller = new AbortController();
    api.listAudit(query, controller.signal).then(
      (page) => {
        setEntries(page.items);
        setNext(page.nextCursor);
        setError(null);
      },
      (failure: unknown) => {
        if (!isAbortError(failure)) setError(errorText(failure));
      },
    );
    return () => controller.abort();
  }, [api, query]);

  /** The next (older) page, after the ones shown. */
  const more = async (cursor: string) => {
    setLoading(true);
    try {
      const page = await api.listAudit({ ...query, cursor });
      setEntries((current) => [...current, ...page.items]);
      setNext(page.nextCursor);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setLoading(false);
    }
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <div className="admin-audit" data-testid="audit">
      <form className="admin-filters admin-filters--wide" onSubmit={apply} aria-label={t('admin.audit.filters')}>
        <SelectField
          label={t('admin.audit.user')}
          value={draft.userId}
          options={users.value.map((user) => ({ value: user.id, label: `${user.name} (${user.agency.code})` }))}
          onValue={(userId) => setDraft({ ...draft, userId })}
          testId="audit-user"
          emptyLabel={t('admin.all')}
        />
        <SelectField label={t('admin.audit.agency')} value={draft.agencyId} options={agencies.value.map((agency) => ({ value: agency.id, label: agency.code }))} onValue={(agencyId) => setDraft({ ...draft, agencyId })} emptyLabel={t('admin.all')} />
        <SelectField
          label={t('admin.audit.operation')}
          value={draft.operationId}
          options={operations.value.map((operation) => ({ value: operation.id, label: operation.code }))}
          onValue={(operationId) => setDraft({ ...draft, operationId })}
          emptyLabel={t('admin.all')}
        />
        <label className="field">
          <span>{t('admin.audit.action')}</span>
          <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder="user." list="audit-actions" data-testid="audit-action" />
          <datalist id="audit-actions">
            {['auth.', 'user.', 'agency.', 'site.', 'operation.', 'team.', 'report.', 'report.read'].map((prefix) => (
              <option key={prefix} value={prefix} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t('admin.audit.from')}</span>
          <input type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('admin.audit.to')}</span>
          <input type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <div className="form-actions">
          <button type="submit" className="button button--primary" data-testid="audit-apply">
            {t('admin.audit.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
            }}
          >
            {t('admin.audit.clear')}
          </button>
        </div>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      <table className="admin-table admin-table--dense" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('admin.audit.when')}</th>
            <th>{t('admin.audit.user')}</th>
            <th>{t('admin.audit.actionColumn')}</th>
            <th>{t('admin.audit.what')}</th>
            <th>{t('admin.audit.operation')}</th>
            <th>{t('admin.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td>
                <TimeText value={entry.at} style="datetime" />
              </td>
              <td>
                {entry.user ? entry.user.name : t('admin.audit.system')}
                {entry.agency && <span className="muted"> · {entry.agency.code}</span>}
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entityType}
                {entry.entityId && <span className="muted"> {entry.entityId.slice(0, 8)}</span>}
              </td>
              <td>{entry.operation?.code ?? '—'}</td>
              <td className="admin-table__details">{Object.keys(entry.details).length ? JSON.stringify(entry.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p className="muted">{t('admin.audit.none')}</p>}
      {next && (
        <button type="button" className="button" disabled={loading} onClick={() => void more(next)} data-testid="audit-more">
          {t('admin.audit.more')}
        </button>
      )}
    </div>
  );
}
