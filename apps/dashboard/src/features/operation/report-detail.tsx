import type { Operation, OperationRole, Report, ReportChange, ReportSummary, ReportWithHistory, User } from '@lintas/contracts';
import { isAwaitingVerdict, isFullReport, mayDecideReport, mayWriteInOperation } from '@lintas/contracts/plain';
import { type FormEvent, useEffect, useState } from 'react';
import { isAbortError } from '../../api/api-error';
import { useApi } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { useOperationSelector, useOperationStore } from '../../realtime/operation-realtime';
import { ExerciseMark } from '../../ui/exercise-mark';
import { interceptionKindLabel, reportKindLabel, reportStatusLabel } from '../../ui/labels';
import { MarkingLabel } from '../../ui/marking-label';
import { TimeText } from '../../ui/time-text';
import { DocumentCheckOutcomePanel } from './document-check-outcome';
import './detail.css';

/**
 * Who may give a verdict, by the API's own predicates (libs/contracts `policy/`): a commander or
 * administrator of the originating agency who may write into the operation, on a report still waiting.
 */
export function canDecide(user: Pick<User, 'role' | 'agency'>, report: Pick<Report, 'originAgency' | 'status'>, operation: Pick<Operation, 'status'>, myRole: OperationRole): boolean {
  const actor = { role: user.role, agencyId: user.agency.id };
  return (
    mayWriteInOperation(actor, { role: myRole, status: operation.status }) &&
    mayDecideReport(actor, { originAgencyId: report.originAgency.id }) &&
    isAwaitingVerdict(report)
  );
}

export interface ReportDetailProps {
  reportId: string;
  operation: Operation;
  user: User;
  readOnly: boolean;
  acknowledged: boolean;
  onAcknowledge: () => void;
  onClose: () => void;
  agencyName: (agencyId: string) => string;
  teamName: (teamId: string) => string | null;
  siteName: (siteId: string) => string | null;
}

type History = { status: 'loading' } | { status: 'ready'; report: ReportWithHistory } | { status: 'error'; message: string };

/** A report with its history, marking and status; verify / reject for the originating agency's commanders. */
export function ReportDetail({ reportId, operation, user, readOnly, acknowledged, onAcknowledge, onClose, agencyName, teamName, siteName }: ReportDetailProps) {
  const api = useApi();
  const store = useOperationStore();
  const live = useOperationSelector((state) => state.reports.get(reportId) ?? null);
  const [history, setHistory] = useState<History>({ status: 'loading' });
  // An alert raised by a document check is settled by recording the check's outcome, not by verify/reject.
  const [fromCheck, setFromCheck] = useState(false);
  const version = live?.version;

  // The history is read from the server (the read is audited), again whenever the report changes.
  useEffect(() => {
    const controller = new AbortController();
    api.getReport(reportId, controller.signal).then(
      (report) => setHistory({ status: 'ready', report }),
      (error: unknown) => {
        if (!isAbortError(error)) setHistory({ status: 'error', message: errorText(error) });
      },
    );
    return () => controller.abort();
  }, [api, reportId, version]);

  const fetched = history.status === 'ready' ? history.report : null;
  const report = shownReport(live, fetched);
  if (!report) {
    return (
      <section className="detail" aria-label={t('detail.report')} data-testid="report-detail">
        <DetailHeader title={t('detail.report')} onClose={onClose} exercise={operation.exercise} />
        <p className={history.status === 'error' ? 'detail__error' : 'muted'} role={history.status === 'error' ? 'alert' : undefined}>
          {history.status === 'error' ? history.message : t('common.loading')}
        </p>
      </section>
    );
  }

  const decide = !readOnly && !fromCheck && canDecide(user, report, operation, operationRoleOf(operation, user));
  return (
    <section className="detail" aria-label={t('detail.report')} data-testid="report-detail" data-report-id={report.id} data-status={report.status}>
      <DetailHeader title={report.title} onClose={onClose} exercise={operation.exercise} />
      <div className="detail__badges">
        <MarkingLabel marking={report.marking} />
        <span className={`kind-badge kind-badge--${report.kind}`}>{reportKindLabel(report.kind)}</span>
        <span className={`report-status report-status--${report.status}`} data-testid="report-status">
          {reportStatusLabel(report.status)}
        </span>
      </div>
      <dl className="detail__facts">
        <dt>{t('detail.origin')}</dt>
        <dd title={report.originAgency.name}>{report.originAgency.code}</dd>
        {report.teamId && (
          <>
            <dt>{t('detail.team')}</dt>
            <dd>{teamName(report.teamId) ?? '—'}</dd>
          </>
        )}
        {report.siteId && (
          <>
            <dt>{t('detail.site')}</dt>
            <dd>{siteName(report.siteId) ?? '—'}</dd>
          </>
        )}
        <dt>{t('detail.occurred')}</dt>
        <dd>
          <TimeText value={report.occurredAt} />
        </dd>
        <dt>{t('detail.received')}</dt>
        <dd>
          <TimeText value={report.receivedAt} />
        </dd>
        {report.marking === 'TLP:RED' && (
          <>
            <dt>{t('detail.recipients')}</dt>
            <dd>{report.recipientAgencyIds.map(agencyName).join(', ') || t('common.none')}</dd>
          </>
        )}
        {report.statusAt && (
          <>
            <dt>{reportStatusLabel(report.status)}</dt>
            <dd>
              <TimeText value={report.statusAt} />
              {report.statusReason ? ` — ${report.statusReason}` : ''}
            </dd>
          </>
        )}
      </dl>
      {report.narrative && <p className="detail__narrative">{report.narrative}</p>}
      {report.interception && (
        <dl className="detail__counts">
          <dt>{t('detail.interceptionKind')}</dt>
          <dd>{interceptionKindLabel(report.interception.interceptionKind)}</dd>
          <dt>{t('detail.persons')}</dt>
          <dd>{report.interception.persons}</dd>
          <dt>{t('detail.suspects')}</dt>
          <dd>{report.interception.suspects}</dd>
          <dt>{t('detail.presumedVictims')}</dt>
          <dd>{report.interception.presumedVictims}</dd>
          <dt>{t('detail.minors')}</dt>
          <dd>{report.interception.minors}</dd>
          <dt>{t('detail.documentsSeized')}</dt>
          <dd>{report.interception.documentsSeized}</dd>
          {report.interception.nationalities.length > 0 && (
            <>
              <dt>{t('detail.nationalities')}</dt>
              <dd>{report.interception.nationalities.join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      {report.kind === 'alert' && report.status === 'reported' && (
        <button type="button" className="button" onClick={onAcknowledge} disabled={acknowledged} data-testid="acknowledge">
          {acknowledged ? t('detail.acknowledged') : t('detail.acknowledge')}
        </button>
      )}
      {report.kind === 'alert' && (
        <DocumentCheckOutcomePanel
          reportId={report.id}
          reportVersion={report.version}
          operation={operation}
          user={user}
          myRole={readOnly ? 'observer' : operationRoleOf(operation, user)}
          onFound={setFromCheck}
        />
      )}
      {decide && (
        <Verdict
          report={report}
          onDecided={(decided) => {
            store.dispatch({ type: 'reports-loaded', reports: [decided] });
          }}
        />
      )}
      <h4 className="detail__subtitle">{t('detail.history')}</h4>
      {history.status === 'ready' ? (
        <ol className="history" data-testid="report-history">
          {[...history.report.history].reverse().map((change, index) => (
            <HistoryItem key={`${change.at}-${index}`} change={change} />
          ))}
        </ol>
      ) : (
        <p className={history.status === 'error' ? 'detail__error' : 'muted'}>{history.status === 'error' ? history.message : t('common.loading')}</p>
      )}
    </section>
  );
}

function operationRoleOf(operation: Operation, user: User): OperationRole {
  return operation.participants.find((participant) => participant.agency.id === user.agency.id)?.role ?? operation.myRole;
}

function Verdict({ report, onDecided }: { report: Report; onDecided: (report: Report) => void }) {
  const api = useApi();
  const [mode, setMode] = useState<'idle' | 'reject'>('idle');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<Report>) => {
    setBusy(true);
    setError(null);
    try {
      onDecided(await action());
      setMode('idle');
      setReason('');
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) void run(() => api.rejectReport(report.id, reason.trim()));
  };

  return (
    <div className="verdict" data-testid="verdict">
      {mode === 'idle' ? (
        <div className="verdict__actions">
          <button type="button" className="button button--ok" disabled={busy} onClick={() => void run(() => api.verifyReport(report.id))} data-testid="verify">
            {t('detail.verify')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => setMode('reject')} data-testid="reject">
            {t('detail.reject')}
          </button>
        </div>
      ) : (
        <form className="verdict__reject" onSubmit={submitReject}>
          <label className="field">
            <span>{t('detail.rejectReason')}</span>
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} maxLength={2000} required autoFocus data-testid="reject-reason" />
          </label>
          <div className="verdict__actions">
            <button type="submit" className="button button--danger" disabled={busy || !reason.trim()} data-testid="reject-confirm">
              {t('detail.rejectConfirm')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="detail__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const ACTION_KEY = {
  created: 'history.created',
  amended: 'history.amended',
  verified: 'history.verified',
  rejected: 'history.rejected',
} as const;

function HistoryItem({ change }: { change: ReportChange }) {
  const fields = Object.keys(change.changes).filter((field) => field !== 'version');
  return (
    <li className={`history__item history__item--${change.action}`}>
      <div>
        <strong>{t(ACTION_KEY[change.action])}</strong> · {change.by.name} ({change.by.agencyCode}) · <TimeText value={change.at} />
      </div>
      {change.reason && <div className="history__reason">{change.reason}</div>}
      {change.action === 'amended' && fields.length > 0 && <div className="muted">{t('history.fields', { fields: fields.join(', ') })}</div>}
    </li>
  );
}

/**
 * What the detail shows: the live copy when it is newer than the fetched one. The store may hold
 * only the report's summary (the compact snapshot): its narrative, recipients and verdict come
 * from the full report read on opening, and the summary's fields from the newer live copy.
 */
export function shownReport(live: ReportSummary | null, fetched: Report | null): Report | null {
  if (!live || (fetched && fetched.version > live.version)) return fetched;
  if (isFullReport(live)) return live;
  return fetched ? { ...fetched, ...live } : null;
}

function DetailHeader({ title, onClose, exercise }: { title: string; onClose: () => void; exercise: boolean }) {
  return (
    <header className="detail__header">
      {exercise && <ExerciseMark />}
      <h3>{title}</h3>
      <button type="button" className="button button--small" onClick={onClose} aria-label={t('common.close')} data-testid="detail-close">
        ×
      </button>
    </header>
  );
}

export { DetailHeader };
