import { DOCUMENT_TYPES, type DocumentCheck, type DocumentType } from '@lintas/contracts';
import { type FormEvent, useState } from 'react';
import { fieldErrorText, ft, type FieldTextKey } from '../../i18n/field-i18n';
import { formatTime } from '../../ui/time-text';
import type { ApiClient } from '../../api/api-client';
import type { StoredOutboxItem } from '../outbox-types';
import type { SyncEngine } from '../sync-engine';
import type { Assignment } from '../use-field-context';
import { buildDocumentCheck, type CheckFormValues } from './document-check-form';
import { useCheckOutcomes } from './use-check-outcomes';
import './document-check.css';

type CheckItem = StoredOutboxItem & { kind: 'document-check' };
const SHOWN = 8;

export interface DocumentCheckViewProps {
  assignment: Assignment;
  engine: Pick<SyncEngine, 'enqueue'>;
  items: readonly StoredOutboxItem[];
  /** Reads the outcome of open potential hits. */
  api: Pick<ApiClient, 'listDocumentChecks'>;
}

/** The check tab: MRZ or fields in, through the outbox; the latest results below, "not checked yet" until the server answers. */
export function DocumentCheckView({ assignment, engine, items, api }: DocumentCheckViewProps) {
  const [mode, setMode] = useState<'mrz' | 'fields'>('mrz');
  const [mrz, setMrz] = useState('');
  const [fields, setFields] = useState({ documentType: 'passport' as DocumentType, issuingCountry: '', documentNumber: '', expiryDate: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const values: CheckFormValues = mode === 'mrz' ? { mode, mrz } : { mode, ...fields };
    const built = buildDocumentCheck(values);
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      await engine.enqueue({ kind: 'document-check', operationId: assignment.operation.id, teamId: assignment.team.id, body: built.body });
      setMrz('');
      setFields((current) => ({ ...current, documentNumber: '', expiryDate: '' }));
    } catch (failure) {
      setProblems([failure instanceof Error ? failure.message : String(failure)]);
    } finally {
      setBusy(false);
    }
  };

  const checks = items.filter((item): item is CheckItem => item.kind === 'document-check' && item.teamId === assignment.team.id).slice(-SHOWN).reverse();
  const openHits = checks.flatMap((item) => (item.answer?.result === 'potential_hit' && !item.answer.outcome ? [item.answer.id] : []));
  const outcomes = useCheckOutcomes(api, assignment.operation.id, openHits);
  return (
    <section className="field-panel field-check" data-testid="check-panel">
      <form className="field-form" onSubmit={submit} noValidate data-testid="check-form">
        <div className="field-chips" role="radiogroup" aria-label={ft('check.mode')}>
          {(['mrz', 'fields'] as const).map((option) => (
            <button key={option} type="button" role="radio" aria-checked={mode === option} className="field-chip" onClick={() => setMode(option)} data-testid={`check-mode-${option}`}>
              {ft(`check.mode.${option}`)}
            </button>
          ))}
        </div>
        {mode === 'mrz' ? (
          <fieldset className="field-set">
            <legend>{ft('check.mrz')}</legend>
            <textarea
              className="field-control field-check__mrz"
              rows={3}
              value={mrz}
              onChange={(event) => setMrz(event.target.value)}
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              aria-label={ft('check.mrz')}
              data-testid="check-mrz"
            />
            <p className="field-muted">{ft('check.mrzHelp')}</p>
          </fieldset>
        ) : (
          <>
            <fieldset className="field-set">
              <legend>{ft('check.type')}</legend>
              <select className="field-control" value={fields.documentType} onChange={(event) => setFields({ ...fields, documentType: event.target.value as DocumentType })} data-testid="check-type">
                {DOCUMENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {ft(`check.type.${type}` as FieldTextKey)}
                  </option>
                ))}
              </select>
            </fieldset>
            <fieldset className="field-set">
              <legend>{ft('check.country')}</legend>
              <input className="field-control" value={fields.issuingCountry} maxLength={3} autoCapitalize="characters" onChange={(event) => setFields({ ...fields, issuingCountry: event.target.value })} placeholder="KHM" data-testid="check-country" />
            </fieldset>
            <fieldset className="field-set">
              <legend>{ft('check.number')}</legend>
              <input className="field-control" value={fields.documentNumber} maxLength={24} autoCapitalize="characters" autoComplete="off" onChange={(event) => setFields({ ...fields, documentNumber: event.target.value })} data-testid="check-number" />
            </fieldset>
            <fieldset className="field-set">
              <legend>{ft('check.expiry')}</legend>
              <input className="field-control" type="date" value={fields.expiryDate} onChange={(event) => setFields({ ...fields, expiryDate: event.target.value })} data-testid="check-expiry" />
            </fieldset>
          </>
        )}
        {problems.length > 0 && (
          <ul className="field-error" role="alert" data-testid="check-problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <div className="field-submit">
          <button type="submit" className="field-button field-button--primary field-button--wide" disabled={busy} data-testid="check-submit">
            {ft('check.submit')}
          </button>
        </div>
      </form>

      {checks.length > 0 && (
        <ul className="field-check__results" data-testid="check-results">
          {checks.map((item) => (
            <CheckResult key={item.id} item={item} latest={item.answer ? (outcomes.get(item.answer.id) ?? null) : null} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One check as the officer sees it. Anything but the server's answer is "not checked yet": never "clear". */
function CheckResult({ item, latest }: { item: CheckItem; latest: DocumentCheck | null }) {
  const label = ft('check.outboxTitle', { type: ft(`check.type.${item.body.documentType}` as FieldTextKey), country: item.body.issuingCountry });
  const answer = item.state === 'delivered' ? (latest ?? item.answer) : null;
  const result = item.state === 'rejected' ? 'refused' : answer ? answer.result : 'pending';
  return (
    <li className={`field-check__result field-check__result--${result}`} data-testid="check-result" data-result={result} data-outcome={answer?.outcome ?? ''} data-id={item.id}>
      <div className="field-outbox__head">
        <strong>{label}</strong>
        <span className="field-muted">{formatTime(item.createdAt, 'time')}</span>
      </div>
      {result === 'pending' && <p data-testid="check-pending">{ft('check.pending')}</p>}
      {result === 'no_hit' && <p>{ft('check.noHit')}</p>}
      {result === 'potential_hit' && answer?.hit && (
        <p className="field-check__hit" role="alert">
          <strong>{ft('check.potentialHit')}</strong> {ft('check.hitDetail', { status: ft(`check.status.${answer.hit.status}` as FieldTextKey), source: answer.hit.source })}
          <br />
          {answer.outcome ? ft(`check.outcome.${answer.outcome}` as FieldTextKey) : ft('check.hitAdvice')}
        </p>
      )}
      {result === 'refused' && item.rejection && <p className="field-error">{fieldErrorText(item.rejection.code, item.rejection.message)}</p>}
    </li>
  );
}
