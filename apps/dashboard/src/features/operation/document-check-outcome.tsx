import type { DocumentCheck, DocumentCheckOutcome, Operation, OperationRole, User } from '@lintas/contracts';
import { DOCUMENT_CHECK_OUTCOMES, mayRecordCheckOutcome, mayWriteInOperation } from '@lintas/contracts/plain';
import { type FormEvent, useEffect, useState } from 'react';
import { isAbortError } from '../../api/api-error';
import { useApi } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { TimeText } from '../../ui/time-text';

/**
 * Under an alert raised by a document check: the list entry's status and source, and — for the
 * commanders of the checking and the lead agency (the contracts' predicate) — the outcome to record
 * once the issuing country has answered: confirmed or false positive, with a note.
 */
export function DocumentCheckOutcomePanel({
  reportId,
  reportVersion,
  operation,
  user,
  myRole,
  onFound,
}: {
  reportId: string;
  reportVersion: number;
  operation: Operation;
  user: User;
  myRole: OperationRole;
  /** Told whether this alert came from a document check. */
  onFound(found: boolean): void;
}) {
  const api = useApi();
  const [check, setCheck] = useState<DocumentCheck | null>(null);
  const [outcome, setOutcome] = useState<DocumentCheckOutcome>('confirmed');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.listDocumentChecks(operation.id, controller.signal).then(
        (checks) => {
          const found = checks.find((candidate) => candidate.hit?.alertReportId === reportId) ?? null;
          setCheck(found);
          onFound(found !== null);
        },
        (failure: unknown) => {
          if (!isAbortError(failure)) setError(errorText(failure));
        },
      );
    return () => controller.abort();
  }, [api, operation.id, reportId, reportVersion, onFound]);

  if (!check?.hit) return error ? <p className="detail__error">{error}</p> : null;
  const actor = { role: user.role, agencyId: user.agency.id };
  const may =
    check.outcome === null &&
    mayWriteInOperation(actor, { role: myRole, status: operation.status }) &&
    mayRecordCheckOutcome(actor, { checkingAgencyId: check.checkingAgencyId, leadAgencyId: operation.leadAgency.id });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCheck(await api.recordCheckOutcome(check.id, { outcome, note: note.trim() }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="verdict" data-testid="document-check-outcome" data-outcome={check.outcome ?? 'open'}>
      <h4 className="detail__subtitle">{t('check.title')}</h4>
      <dl className="detail__facts">
        <dt>{t('check.document')}</dt>
        <dd>
          {t(`check.type.${check.documentType}`)} · {check.issuingCountry}
        </dd>
        <dt>{t('check.listed')}</dt>
        <dd>
          {t(`check.status.${check.hit.status}`)} · {check.hit.source}
          {check.hit.reportedAt ? ` · ${check.hit.reportedAt}` : ''} ({check.hit.listAgencyCode})
        </dd>
        {check.outcome && (
          <>
            <dt>{t('check.outcome')}</dt>
            <dd>
              {t(`check.outcome.${check.outcome}`)}
              {check.outcomeAt && (
                <>
                  {' · '}
                  <TimeText value={check.outcomeAt} />
                </>
              )}
              {check.outcomeNote ? ` — ${check.outcomeNote}` : ''}
            </dd>
          </>
        )}
      </dl>
      {may && (
        <form className="verdict__reject" onSubmit={submit}>
          <div className="verdict__actions" role="radiogroup" aria-label={t('check.outcome')}>
            {DOCUMENT_CHECK_OUTCOMES.map((option) => (
              <label key={option} className="field field--inline">
                <input type="radio" name="check-outcome" value={option} checked={outcome === option} onChange={() => setOutcome(option)} data-testid={`outcome-${option}`} />
                <span>{t(`check.outcome.${option}`)}</span>
              </label>
            ))}
          </div>
          <label className="field">
            <span>{t('check.note')}</span>
            <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={2000} data-testid="outcome-note" />
          </label>
          <button type="submit" className="button button--ok" disabled={busy} data-testid="outcome-submit">
            {t('check.record')}
          </button>
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
