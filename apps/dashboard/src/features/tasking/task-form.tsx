import type { Marking, Operation, Site, TaskKind, Team } from '@lintas/contracts';
import { AREA_TASK_KINDS, DEFAULT_TASK_ACK_SECONDS, TASK_KINDS } from '@lintas/contracts/plain';
import { type FormEvent, useState } from 'react';
import { t } from '../../i18n/i18n';
import { taskKindLabel } from '../../ui/labels';
import { optionsOf, SelectField } from '../../ui/select-field';
import { mapPick } from './map-pick';
import type { TaskingApi } from './tasking-api';
import { DrawAreaButton, InputField, MarkingField, NotesField, SendButton, useFormMapPick, useTaskingSubmit } from './tasking-fields';

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
  const { busy, error, submit: send } = useTaskingSubmit({
    teamId: t('tasks.team'),
    kind: t('tasks.kind'),
    title: t('tasks.title'),
    instructions: t('tasks.instructions'),
    target: t('tasks.target'),
    ackWithinSeconds: t('tasks.ackMinutes'),
    marking: t('tasks.marking'),
  });
  const pick = useFormMapPick();

  if (teams.length === 0) return <p className="muted" data-testid="task-form-no-teams">{t('tasks.noTeams')}</p>;

  const site: Site | undefined = operation.sites.find((candidate) => candidate.id === siteId);
  const point = pick.point ?? (site ? { lat: site.lat, lon: site.lon } : null);
  const submit = (event: FormEvent) =>
    send(event, async () => {
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
    });

  return (
    <form className="tasking-form" onSubmit={(event) => void submit(event)} data-testid="task-form">
      <SelectField label={t('tasks.team')} value={teamId} options={teams.map((team) => ({ value: team.id, label: `${team.callSign} · ${team.agency.code}` }))} onValue={setTeamId} testId="task-team" />
      <SelectField label={t('tasks.kind')} value={kind} options={optionsOf(TASK_KINDS, taskKindLabel)} onValue={setKind} testId="task-kind" />
      <InputField label={t('tasks.title')} value={title} onValue={setTitle} required maxLength={120} testId="task-title" />
      <NotesField label={t('tasks.instructions')} value={instructions} onValue={setInstructions} testId="task-instructions" />
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
        {AREA_TASK_KINDS.includes(kind) && <DrawAreaButton testId="task-draw-area" />}
        {pick.point && <span className="muted" data-testid="task-picked">{t('tasks.target.map')}: {pick.point.lat.toFixed(4)}, {pick.point.lon.toFixed(4)}</span>}
      </fieldset>
      <div className="tasking-form__row">
        <InputField label={t('tasks.ackMinutes')} type="number" min={0.5} step={0.5} value={ackMinutes} onValue={setAckMinutes} testId="task-ack-minutes" />
        <MarkingField value={marking} onValue={setMarking} testId="task-marking" />
      </div>
      <SendButton error={error} errorTestId="task-error" disabled={busy || !title.trim()} label={t('tasks.give')} testId="task-submit" />
    </form>
  );
}
