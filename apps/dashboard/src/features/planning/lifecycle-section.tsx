import type { Operation, OperationStatus } from '@lintas/contracts';
import { OPERATION_TRANSITIONS } from '@lintas/contracts/plain';
import { useState } from 'react';
import type { AdministrationApi } from '../../api/administration-api';
import { errorText } from '../../i18n/error-text';
import { type MessageKey, t } from '../../i18n/i18n';
import { ConfirmAction } from '../../ui/confirm-action';
import { operationStatusLabel } from '../../ui/labels';

const ACTION: Record<Exclude<OperationStatus, 'planned'>, { label: MessageKey; question: MessageKey }> = {
  active: { label: 'planning.lifecycle.activate', question: 'planning.lifecycle.activateQuestion' },
  suspended: { label: 'planning.lifecycle.suspend', question: 'planning.lifecycle.suspendQuestion' },
  closed: { label: 'planning.lifecycle.close', question: 'planning.lifecycle.closeQuestion' },
};

/** planned → active → closed (and suspend/resume), each with a confirmation that says what changes. */
export function LifecycleSection({ operation, api }: { operation: Operation; api: AdministrationApi }) {
  const [error, setError] = useState<string | null>(null);
  const targets = OPERATION_TRANSITIONS[operation.status].filter((status): status is Exclude<OperationStatus, 'planned'> => status !== 'planned');
  return (
    <section className="planning__section" aria-labelledby="planning-lifecycle">
      <h4 id="planning-lifecycle">{t('planning.lifecycle.title')}</h4>
      <p>
        {t('planning.lifecycle.now')} <strong data-testid="planning-status">{operationStatusLabel(operation.status)}</strong>
      </p>
      <div className="form-actions">
        {targets.map((status) => (
          <ConfirmAction
            key={status}
            danger={status === 'closed'}
            label={t(ACTION[status].label)}
            question={t(ACTION[status].question, { code: operation.code })}
            testId={`transition-${status}`}
            onConfirm={async () => {
              setError(null);
              try {
                await api.transition(operation.id, status);
              } catch (failure) {
                setError(errorText(failure));
              }
            }}
          />
        ))}
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
