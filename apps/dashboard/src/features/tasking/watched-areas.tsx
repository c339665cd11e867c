import type { Marking, Operation, User, WatchedArea } from '@lintas/contracts';
import { isCommanding, mayRemoveWatchedArea, mayWriteInOperation } from '@lintas/contracts/plain';
import { type FormEvent, memo, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { MarkingLabel } from '../../ui/marking-label';
import { formatTime } from '../../ui/time-text';
import { mapPick } from './map-pick';
import type { TaskingApi } from './tasking-api';
import { DrawAreaButton, InputField, MarkingField, SendButton, useFormMapPick, useTaskingSubmit } from './tasking-fields';

const DEFAULT_NO_TEAM_MINUTES = 30;

/**
 * The operation's watched areas (under the task board): each with its threshold and whether it has
 * lapsed; a commander draws a new one on the map and removes its agency's.
 */
export const WatchedAreasSection = memo(function WatchedAreasSection({ operation, user, calls }: { operation: Operation; user: User; calls: TaskingApi }) {
  const areas = useOperationSelector((state) => state.watchedAreas);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actor = { id: user.id, role: user.role, agencyId: user.agency.id };
  const mayWrite = mayWriteInOperation(actor, { role: operation.myRole, status: operation.status }) && isCommanding(actor);
  const sorted = [...areas.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const remove = async (area: WatchedArea) => {
    setError(null);
    try {
      await calls.removeWatchedArea(area.id);
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  return (
    <section className="watched-areas" data-testid="watched-areas">
      <div className="task-board__tools">
        <h3 className="watched-areas__title">{t('watchedAreas.title')}</h3>
        {mayWrite && (
          <button type="button" className="button button--small" onClick={() => setAdding((open) => !open)} aria-expanded={adding} data-testid="watched-area-new">
            {t('watchedAreas.new')}
          </button>
        )}
      </div>
      {adding && <WatchedAreaForm calls={calls} onDone={() => setAdding(false)} />}
      {sorted.length === 0 && <p className="muted">{t('watchedAreas.empty')}</p>}
      <ul className="watched-areas__list">
        {sorted.map((area) => (
          <li key={area.id} className={`watched-area${area.lapsed ? ' watched-area--lapsed' : ''}`} data-testid="watched-area" data-area-id={area.id} data-lapsed={area.lapsed}>
            <MarkingLabel marking={area.marking} />
            <strong>{area.name}</strong>
            <span className="muted">{t('watchedAreas.threshold', { n: area.noTeamMinutes })}</span>
            <span className={area.lapsed ? 'task-card__overdue' : 'muted'}>
              {area.lapsed ? t('watchedAreas.lapsed') : t('watchedAreas.lastTeam', { at: formatTime(area.lastTeamInsideAt) })}
            </span>
            {mayWrite && mayRemoveWatchedArea(actor, area) && (
              <button type="button" className="button button--small" onClick={() => void remove(area)} data-testid="watched-area-remove">
                {t('watchedAreas.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="form-error">{error}</p>}
    </section>
  );
});

/** Name, threshold, marking and the polygon drawn on the map (each click a corner). */
function WatchedAreaForm({ calls, onDone }: { calls: TaskingApi; onDone(): void }) {
  const [name, setName] = useState('');
  const [minutes, setMinutes] = useState(String(DEFAULT_NO_TEAM_MINUTES));
  const [marking, setMarking] = useState<Marking>('TLP:AMBER');
  const { busy, error, submit: send } = useTaskingSubmit({ name: t('watchedAreas.name'), noTeamMinutes: t('watchedAreas.minutes'), marking: t('tasks.marking') });
  const pick = useFormMapPick();

  const submit = (event: FormEvent) =>
    send(event, async () => {
      // GeoJSON rings are closed: the first corner again at the end.
      const ring = [...pick.area, pick.area[0]];
      await calls.createWatchedArea({ name, area: { type: 'Polygon', coordinates: [ring] }, noTeamMinutes: Math.max(1, Math.round(Number(minutes)) || DEFAULT_NO_TEAM_MINUTES), marking });
      mapPick.clear();
      onDone();
    });

  return (
    <form className="tasking-form" onSubmit={(event) => void submit(event)} data-testid="watched-area-form">
      <InputField label={t('watchedAreas.name')} value={name} onValue={setName} required maxLength={120} testId="watched-area-name" />
      <DrawAreaButton testId="watched-area-draw" />
      <div className="tasking-form__row">
        <InputField label={t('watchedAreas.minutes')} type="number" min={1} step={1} value={minutes} onValue={setMinutes} testId="watched-area-minutes" />
        <MarkingField value={marking} onValue={setMarking} testId="watched-area-marking" />
      </div>
      <SendButton error={error} errorTestId="watched-area-error" disabled={busy || !name.trim() || pick.area.length < 3} label={t('watchedAreas.save')} testId="watched-area-submit" />
    </form>
  );
}
