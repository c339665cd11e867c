import type { Marking } from '@lintas/contracts';
import { MARKINGS } from '@lintas/contracts/plain';
import { type InputHTMLAttributes, useEffect } from 'react';
import { errorText, type FieldLabels } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { optionsOf, SelectField } from '../../ui/select-field';
import { useSubmit } from '../../ui/use-submit';
import { mapPick, useMapPick } from './map-pick';

/**
 * The pieces the tasking forms (task, request, watched area) share: the submit with its busy state
 * and refusal, the labelled fields, the marking choice and the area drawn on the map.
 */

/** A form's send: busy while it runs, the refusal as one message (a refused field after its label in `labels`). */
export function useTaskingSubmit(labels: FieldLabels = {}) {
  return useSubmit<string | null>((caught) => errorText(caught, labels), null);
}

/** The map pick for a form that is open: what is picked or drawn, cleared when the form closes. */
export function useFormMapPick() {
  const pick = useMapPick();
  useEffect(() => () => mapPick.clear(), []);
  return pick;
}

/** A labelled input (a title, a number of minutes). */
export function InputField({ label, testId, onValue, ...input }: { label: string; testId: string; onValue(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'>) {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} onChange={(event) => onValue(event.target.value)} data-testid={testId} />
    </label>
  );
}

/** A labelled two-line text (instructions, details). */
export function NotesField({ label, value, onValue, testId }: { label: string; value: string; onValue(value: string): void; testId: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <textarea value={value} onChange={(event) => onValue(event.target.value)} rows={2} data-testid={testId} />
    </label>
  );
}

const MARKING_OPTIONS = optionsOf(MARKINGS, (marking) => marking);

/** The handling marking the author sets (TLP). */
export function MarkingField({ value, onValue, testId }: { value: Marking; onValue(value: Marking): void; testId: string }) {
  return <SelectField label={t('tasks.marking')} value={value} options={MARKING_OPTIONS} onValue={onValue} testId={testId} />;
}

/** Draws an area on the map, a corner a click; pressed again, it finishes the area. */
export function DrawAreaButton({ testId }: { testId: string }) {
  const pick = useMapPick();
  const drawing = pick.active && pick.mode === 'area';
  return (
    <button type="button" className="button button--small" onClick={() => (drawing ? mapPick.finish() : mapPick.startArea())} aria-pressed={drawing} data-testid={testId}>
      {drawing ? t('tasks.area.finish', { n: pick.area.length }) : t('tasks.area.draw')}
    </button>
  );
}

/** The end of a form: its refusal, then the send button. */
export function SendButton({ error, errorTestId, disabled, label, testId }: { error: string | null; errorTestId: string; disabled: boolean; label: string; testId: string }) {
  return (
    <>
      {error && <p role="alert" className="form-error" data-testid={errorTestId}>{error}</p>}
      <button type="submit" className="button button--primary" disabled={disabled} data-testid={testId}>
        {label}
      </button>
    </>
  );
}
