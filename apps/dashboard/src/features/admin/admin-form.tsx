import type { InputHTMLAttributes, ReactNode } from 'react';
import { t } from '../../i18n/i18n';
import { FieldError } from '../../ui/field-error';
import { formErrorsOf, NO_ERRORS } from '../../ui/form-errors';
import { useSubmit } from '../../ui/use-submit';

/** A tab's form save: busy while it runs, the refusal as messages next to the fields. */
export function useFormSave() {
  const { busy, error, clearError, submit } = useSubmit(formErrorsOf, NO_ERRORS);
  return { busy, errors: error, clearErrors: clearError, save: submit };
}

/** A labelled field whose refusal shows under it (`errorId` ties the two for screen readers). */
export function ErrorField({ label, errorId, error, children }: { label: string; errorId: string; error?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      <FieldError id={errorId} message={error} />
    </label>
  );
}

/** A labelled text input with its refusal under it. */
export function TextField({ label, errorId, error, ...input }: { label: string; errorId: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <ErrorField label={label} errorId={errorId} error={error}>
      <input {...input} aria-describedby={errorId} />
    </ErrorField>
  );
}

/** The end of an edit form: its refusal, save, and cancel while an item is being edited. */
export function EditFormActions({ error, busy, saveTestId, saveLabel, editing, onCancel }: { error: string | null; busy: boolean; saveTestId: string; saveLabel: string; editing: boolean; onCancel(): void }) {
  return (
    <>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid={saveTestId}>
          {editing ? t('admin.save') : saveLabel}
        </button>
        {editing && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </>
  );
}
