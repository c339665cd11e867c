import { AREA_TASK_KINDS, DEFAULT_TASK_ACK_SECONDS, MARKINGS, TASK_KINDS, type Marking, type Operation, type Site, type TaskKind, type Team } from '@lintas/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { taskKindLabel } from '../../ui/labels';
import { mapPick, useMapPick } from './map-pick';
import type { TaskingApi } from './tasking-api';

export interface TaskFormProps {
  operation: Operation;
  /** Teams the commander may task (its agency's; the lead's commander sees all, the API refuses without consent). */
  teams: readonly Team[];
  calls: TaskingApi;
  /** Set when the task answers an accepted request. */
  requestId?: string;
  initialTitle?: string;
  initialMarking?: Marking;
  recipientAgencyIds?: string[];
  onDone(): void;
}

/** Gives a team a task: kind, title, instructions, target (site or a point picked on the map), acknowledgement time, marking. */
export function TaskForm({ operation, teams, calls, requestId, initialTitle = '', initialMarking = 'TLP:AMBER', recipientAgencyIds = [], onDone }: TaskFormProps) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [kind, setKind] = useState<TaskKind>('move_to');
  const [title, setTitle] = useState(initialTitle);
  const [instructions, setInstructions] = useState('');
  const [ackMinutes, setAckMinutes] = useState(String(DEFAULT_TASK_ACK_SECONDS / 60));
  const [siteId, setSiteId] = useState('');
  const [marking, setMarking] = useState<Marking>(initialMarking);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pick = useMapPick();
  useEffect(() => () => mapPick.clear(), []);

  if (teams.length === 0) return <p className="muted" data-testid="task-form-no-teams">{t('tasks.noTeams')}</p>;

  const site: Site | undefined = operation.sites.find((candidate) => candidate.id === siteId);
  const point = pick.point ?? (site ? { lat: site.lat, lon: site.lon } : null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await calls.createTask({
        teamId,
        kind,
        title,
        instructions,
        target: { lat: point?.lat ?? null, lon: point?.lon ?? null, siteId: siteId || null, area: AREA_TASK_KINDS.includes(kind) && pick.area.length >= 3 ? pick.area : null },
        ackWithinSeconds: Math.max(30, Math.round(Number(ackMinutes) * 60) || DEFAULT_TASK_ACK_SECONDS),
        marking,
        recipientAgencyIds: marking === 'TLP:RED' ? recipientAgencyIds : [],
        requestId: requestId ?? null,
      });
      mapPick.clear();
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tasking-form" onSubmit={(event) => void submit(event)} data-testid="task-form">
      <label className="field">
        <span>{t('tasks.team')}</span>
        <select value={teamId} onChange={(event) => setTeamId(event.target.value)} data-testid="task-team">
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.callSign} · {team.agency.code}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('tasks.kind')}</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as TaskKind)} data-testid="task-kind">
          {TASK_KINDS.map((value) => (
            <option key={value} value={value}>
              {taskKindLabel(value)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('tasks.title')}</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={120} data-testid="task-title" />
      </label>
      <label className="field">
        <span>{t('tasks.instructions')}</span>
        <textarea value={instructions} onChange={(event) => setInstructions(event.target.value)} rows={2} data-testid="task-instructions" />
      </label>
      <fieldset className="tasking-form__target">
        <legend>{t('tasks.target')}</legend>
        <select value={siteId} onChange={(event) => { setSiteId(event.target.value); mapPick.clear(); }} data-testid="task-site">
          <option value="">{t('tasks.target.none')}</option>
          {operation.sites.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <button type="button" className="button button--small" onClick={() => (pick.active ? mapPick.cancel() : mapPick.start())} aria-pressed={pick.active} data-testid="task-pick">
          {pick.active && pick.mode === 'point' ? t('tasks.target.picking') : t('tasks.target.pick')}
        </button>
        {AREA_TASK_KINDS.includes(kind) && (
          <button
            type="button"
            className="button button--small"
            onClick={() => (pick.active && pick.mode === 'area' ? mapPick.finish() : mapPick.startArea())}
            aria-pressed={pick.active && pick.mode === 'area'}
            data-testid="task-draw-area"
          >
            {pick.active && pick.mode === 'area' ? t('tasks.area.finish', { n: pick.area.length }) : t('tasks.area.draw')}
          </button>
        )}
        {pick.point && <span className="muted" data-testid="task-picked">{t('tasks.target.map')}: {pick.point.lat.toFixed(4)}, {pick.point.lon.toFixed(4)}</span>}
      </fieldset>
      <div className="tasking-form__row">
        <label className="field">
          <span>{t('tasks.ackMinutes')}</span>
          <input type="number" min={0.5} step={0.5} value={ackMinutes} onChange={(event) => setAckMinutes(event.target.value)} data-testid="task-ack-minutes" />
        </label>
        <label className="field">
          <span>{t('tasks.marking')}</span>
          <select value={marking} onChange={(event) => setMarking(event.target.value as Marking)} data-testid="task-marking">
            {MARKINGS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p role="alert" className="form-error" data-testid="task-error">{error}</p>}
      <button type="submit" className="button button--primary" disabled={busy || !title.trim()} data-testid="task-submit">
        {t('tasks.give')}
      </button>
    </form>
  );
}
