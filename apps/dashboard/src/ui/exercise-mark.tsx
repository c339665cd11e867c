import { t } from '../i18n/i18n';

/** The EXERCISE mark, shown on every screen of an exercise operation. */
export function ExerciseMark() {
  return (
    <span className="exercise-mark" data-testid="exercise-mark">
      {t('operation.exercise')}
    </span>
  );
}
