import { ALERT_KINDS, type AlertKind, type CreateReport, type LatLon, type Site } from '@lintas/contracts';
import { type FormEvent, useState } from 'react';
import { ft, type FieldTextKey } from '../../i18n/field-i18n';
import { formatTime } from '../../ui/time-text';
import { newClientId } from '../client-id';
import { currentPosition } from '../geolocation';
import type { Assignment } from '../use-field-context';
import { PersonalDataHint } from './personal-data-hint';
import { ALERT_MARKING, bestPosition, buildAlert } from './alert-form';
import './alert-form.css';

/** A one-tap alert does not wait long for GPS: the last known position is good enough to send help. */
const QUICK_FIX_MS = 4_000;

export interface AlertFormViewProps {
  assignment: Assignment;
  sites: readonly Site[];
  /** Stores the alert in the outbox; resolves once it is stored. */
  onSubmit(report: CreateReport): Promise<void>;
}

/**
 * The alert tab: one big "need backup" button that sends at once with the team's position, and a
 * short form for the other kinds. Both go through the outbox like every post, with a fresh client
 * id per alert, so a retried delivery is stored once.
 */
export function AlertFormView({ assignment, sites, onSubmit }: AlertFormViewProps) {
  const { team } = assignment;
  const site = sites.find((candidate) => candidate.id === team.siteId) ?? null;
  const [kind, setKind] = useState<AlertKind | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ kind: AlertKind; at: number; located: boolean } | null>(null);

  const send = async (alertKind: AlertKind, text: string, timeoutMs: number) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const where = await bestPosition(() => currentPosition(timeoutMs), [team.lastPosition, site]);
      const built = buildAlert({
        kind: alertKind,
        note: text,
        position: where.position as LatLon | null,
        siteId: site?.id ?? null,
        teamId: team.id,
        callSign: team.callSign,
        marking: ALERT_MARKING,
        clientId: newClientId(),
      });
      if (!built.ok) {
        setError(built.message);
        return;
      }
      await onSubmit(built.report);
      setSaved({ kind: alertKind, at: Date.now(), located: where.position !== null });
      setKind(null);
      setNote('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      setError(ft('alert.chooseKind'));
      return;
    }
    void send(kind, note, QUICK_FIX_MS * 2);
  };

  return (
    <section className="field-panel field-alert" data-testid="alert-panel">
      <button type="button" className="field-button field-alert__backup" disabled={busy} onClick={() => void send('backup_needed', '', QUICK_FIX_MS)} data-testid="alert-backup">
        {busy ? ft('alert.sending') : ft('alert.backup')}
      </button>
      <p className="field-muted">{ft('alert.backupHelp')}</p>
      {/* Right under the big button: the officer sees at once that the alert is stored. */}
      {saved && (
        <p className="field-success" role="status" data-testid="alert-saved">
          {ft('alert.saved', { kind: ft(`alert.kind.${saved.kind}` as FieldTextKey), time: formatTime(saved.at, 'time') })}
          {saved.located ? '' : ` ${ft('alert.noPosition')}`}
        </p>
      )}

      <form className="field-form" onSubmit={submit} noValidate data-testid="alert-form">
        <fieldset className="field-set">
          <legend>{ft('alert.kind')}</legend>
          <div className="field-chips" role="radiogroup" aria-label={ft('alert.kind')}>
            {ALERT_KINDS.map((option) => (
              <button key={option} type="button" role="radio" aria-checked={kind === option} className="field-chip" onClick={() => setKind(option)} data-testid={`alert-kind-${option}`}>
                {ft(`alert.kind.${option}` as FieldTextKey)}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="field-set">
          <legend>{ft('alert.note')}</legend>
          <textarea className="field-control" rows={3} value={note} onChange={(event) => setNote(event.target.value)} aria-label={ft('alert.note')} data-testid="alert-note" />
          <PersonalDataHint text={note} />
        </fieldset>
        <p className="field-muted">{ft('alert.position')}</p>
        {error && (
          <p className="field-error" role="alert" data-testid="alert-error">
            {error}
          </p>
        )}
        <div className="field-submit">
          <button type="submit" className="field-button field-button--primary field-button--wide" disabled={busy} data-testid="alert-submit">
            {ft('alert.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
