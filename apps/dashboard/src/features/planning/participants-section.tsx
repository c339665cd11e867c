import type { Agency, Operation } from '@lintas/contracts';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import type { AdministrationApi } from '../../api/administration-api';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { ConfirmAction } from '../../ui/confirm-action';
import { FieldError } from '../../ui/field-error';
import { operationRoleLabel } from '../../ui/labels';
import { useLoaded } from '../admin/use-loaded';

/** Partner agencies: invite as participant or observer, remove (its open screens lose the operation at once). */
export function ParticipantsSection({ operation, api }: { operation: Operation; api: AdministrationApi }) {
  const agencies = useLoaded(useCallback((signal: AbortSignal) => api.listAgencies(signal), [api]), [] as Agency[]);
  const [agencyId, setAgencyId] = useState('');
  const [role, setRole] = useState<'participant' | 'observer'>('participant');
  const [error, setError] = useState<string | null>(null);
  const taking = useMemo(() => new Set(operation.participants.map((p) => p.agency.id)), [operation.participants]);
  const invitable = agencies.value.filter((agency) => agency.active && !taking.has(agency.id));

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.addParticipant(operation.id, { agencyId, role });
      setAgencyId('');
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <section className="planning__section" aria-labelledby="planning-participants">
      <h4 id="planning-participants">{t('planning.participants.title')}</h4>
      <ul className="planning__list" data-testid="planning-participants">
        {operation.participants.map((participant) => (
          <li key={participant.agency.id} data-code={participant.agency.code}>
            <span>
              <strong>{participant.agency.code}</strong> <span className="muted">{operationRoleLabel(participant.role)}</span>
            </span>
            {participant.role !== 'lead' && (
              <ConfirmAction
                danger
                label={t('planning.remove')}
                question={t('planning.participants.removeQuestion', { code: participant.agency.code })}
                onConfirm={async () => {
                  try {
                    await api.removeParticipant(operation.id, participant.agency.id);
                  } catch (failure) {
                    setError(errorText(failure));
                  }
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <form className="planning__form" onSubmit={invite}>
        <label className="field">
          <span>{t('planning.participants.agency')}</span>
          <select required value={agencyId} onChange={(e) => setAgencyId(e.target.value)} data-testid="invite-agency" aria-describedby="invite-error">
            <option value="">{t('admin.choose')}</option>
            {invitable.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.code} — {agency.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('planning.participants.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as 'participant' | 'observer')} data-testid="invite-role">
            <option value="participant">{operationRoleLabel('participant')}</option>
            <option value="observer">{operationRoleLabel('observer')}</option>
          </select>
        </label>
        <button type="submit" className="button" disabled={!agencyId} data-testid="invite-submit">
          {t('planning.participants.invite')}
        </button>
        <FieldError id="invite-error" message={error ?? undefined} />
      </form>
    </section>
  );
}
