import { useState } from 'react';
import { t } from '../i18n/i18n';
import './confirm-action.css';

interface ConfirmActionProps {
  /** The button's label. */
  label: string;
  /** What will change, said before it does. */
  question: string;
  onConfirm(): void | Promise<void>;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** A button that asks first: the question and Confirm / Cancel replace it until answered. */
export function ConfirmAction({ label, question, onConfirm, danger, disabled, testId }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={`button button--small${danger ? ' button--danger' : ''}`} disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-action" role="group" aria-label={label} data-testid={testId ? `${testId}-confirm` : undefined}>
      <span className="confirm-action__question">{question}</span>
      <button
        type="button"
        className={`button button--small${danger ? ' button--danger' : ' button--primary'}`}
        disabled={busy}
        data-testid={testId ? `${testId}-yes` : undefined}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {t('confirm.yes', { action: label })}
      </button>
      <button type="button" className="button button--small" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
