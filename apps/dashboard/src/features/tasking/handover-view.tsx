import type { AgencyRequest, User } from '@lintas/contracts';
import { type FormEvent, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import type { TaskingApi } from './tasking-api';

const COUNTS = ['adults', 'minors', 'suspectedVictims', 'suspectedSmugglers'] as const;
const COUNT_LABEL = { adults: 'handover.adults', minors: 'handover.minors', suspectedVictims: 'handover.victims', suspectedSmugglers: 'handover.smugglers' } as const;

/** A request's hand-over: what passed (persons by category, documents, vehicle) and each side's confirmation. */
export function HandoverView({ request, mayEdit, user, calls }: { request: AgencyRequest; mayEdit: boolean; user: User; calls: TaskingApi }) {
  const handover = request.handover;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mySide = user.agency.id === request.fromAgency.id ? 'fromConfirmed' : user.agency.id === request.toAgency.id ? 'toConfirmed' : null;
  const confirm = async () => {
    setError(null);
    try {
      await calls.confirmHandover(request.id, request.version);
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <div className="handover" data-testid="handover">
      <h4>{t('handover.title')}</h4>
      {handover && (
        <>
          <p data-testid="handover-summary">
            {t('handover.summary', {
              adults: handover.persons.adults,
              minors: handover.persons.minors,
              victims: handover.persons.suspectedVictims,
              smugglers: handover.persons.suspectedSmugglers,
              documents: handover.documents,
            })}
            {handover.vehicle ? ` · ${handover.vehicle}` : ''}
          </p>
          <ul className="handover__sides">
            <li data-testid="handover-from">{handover.fromConfirmed ? t('handover.confirmedBy', { agency: request.fromAgency.code }) : t('handover.waiting', { agency: request.fromAgency.code })}</li>
            <li data-testid="handover-to">{handover.toConfirmed ? t('handover.confirmedBy', { agency: request.toAgency.code }) : t('handover.waiting', { agency: request.toAgency.code })}</li>
          </ul>
          {mayEdit && mySide && !handover[mySide] && (
            <button type="button" className="button button--small button--ok" onClick={() => void confirm()} data-testid="handover-confirm">
              {t('handover.confirm')}
            </button>
          )}
        </>
      )}
      {mayEdit && (
        <button type="button" className="button button--small" onClick={() => setEditing((open) => !open)} aria-expanded={editing} data-testid="handover-edit">
          {t('handover.record')}
        </button>
      )}
      {editing && <HandoverForm request={request} calls={calls} onDone={() => setEditing(false)} />}
      {error && <p role="alert" className="form-error">{error}</p>}
    </div>
  );
}

function HandoverForm({ request, calls, onDone }: { request: AgencyRequest; calls: TaskingApi; onDone(): void }) {
  const current = request.handover;
  const [counts, setCounts] = useState<Record<(typeof COUNTS)[number], string>>({
    adults: String(current?.persons.adults ?? 0),
    minors: String(current?.persons.minors ?? 0),
    suspectedVictims: String(current?.persons.suspectedVictims ?? 0),
    suspectedSmugglers: String(current?.persons.suspectedSmugglers ?? 0),
  });
  const [documents, setDocuments] = useState(String(current?.documents ?? 0));
  const [vehicle, setVehicle] = useState(current?.vehicle ?? '');
  const [notes, setNotes] = useState(current?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = (value: string) => Math.max(0, Math.floor(Number(value)) || 0);
    try {
      await calls.recordHandover(request.id, {
        persons: { adults: number(counts.adults), minors: number(counts.minors), suspectedVictims: number(counts.suspectedVictims), suspectedSmugglers: number(counts.suspectedSmugglers) },
        nationalities: [],
        documents: number(documents),
        vehicle: vehicle.trim() || null,
        notes,
      });
      onDone();
    } catch (caught) {
      setError(errorText(caught, { documents: t('handover.documents'), vehicle: t('handover.vehicle'), notes: t('handover.notes') }));
    }
  };
  return (
    <form className="tasking-form" onSubmit={(event) => void submit(event)} data-testid="handover-form">
      <div className="tasking-form__row">
        {COUNTS.map((key) => (
          <label key={key} className="field">
            <span>{t(COUNT_LABEL[key])}</span>
            <input type="number" min={0} value={counts[key]} onChange={(event) => setCounts((all) => ({ ...all, [key]: event.target.value }))} data-testid={`handover-${key}`} />
          </label>
        ))}
      </div>
      <div className="tasking-form__row">
        <label className="field">
          <span>{t('handover.documents')}</span>
          <input type="number" min={0} value={documents} onChange={(event) => setDocuments(event.target.value)} data-testid="handover-documents" />
        </label>
        <label className="field">
          <span>{t('handover.vehicle')}</span>
          <input value={vehicle} onChange={(event) => setVehicle(event.target.value)} maxLength={200} data-testid="handover-vehicle" />
        </label>
      </div>
      <label className="field">
        <span>{t('handover.notes')}</span>
        <textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} />
      </label>
      {error && <p role="alert" className="form-error">{error}</p>}
      <button type="submit" className="button button--primary" data-testid="handover-submit">
        {t('handover.record')}
      </button>
    </form>
  );
}
