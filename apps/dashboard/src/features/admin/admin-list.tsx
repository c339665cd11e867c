import { type ReactNode, useCallback, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { ConfirmAction } from '../../ui/confirm-action';

/**
 * An action on a listed row (deactivate, retire, disable…): on success its notice shows and the
 * list reloads; a refusal shows as the notice instead. `message` is left out when the action says
 * nothing on success (the notice stays as it was).
 */
export function useRowActions(reload: () => void) {
  const [notice, setNotice] = useState<string | null>(null);
  const act = useCallback(
    async (work: () => Promise<unknown>, message?: string) => {
      try {
        await work();
        if (message !== undefined) setNotice(message);
        reload();
      } catch (failure) {
        setNotice(errorText(failure));
      }
    },
    [reload],
  );
  return { notice, setNotice, act };
}

/** A tab's list column: the last action's notice, the list's load error, then the list itself. */
export function AdminList({ notice, error, children }: { notice: string | null; error: string | null; children: ReactNode }) {
  return (
    <div className="admin-list">
      {notice && <p className="admin-notice" role="status" data-testid="admin-notice">{notice}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      {children}
    </div>
  );
}

/** The list's text search. */
export function SearchField({ value, onValue, testId }: { value: string; onValue(value: string): void; testId: string }) {
  return (
    <label className="field">
      <span>{t('admin.search')}</span>
      <input type="search" value={value} onChange={(e) => onValue(e.target.value)} data-testid={testId} />
    </label>
  );
}

/** A row's table head: the columns' titles and an empty one over the row's actions. */
export function AdminTableHead({ titles }: { titles: readonly string[] }) {
  return (
    <thead>
      <tr>
        {titles.map((title) => (
          <th key={title}>{title}</th>
        ))}
        <th />
      </tr>
    </thead>
  );
}

/** A row's first cell: its name, and under it what else identifies it. */
export function NameCell({ name, detail }: { name: string; detail: string }) {
  return (
    <td>
      <strong>{name}</strong>
      <br />
      <span className="muted">{detail}</span>
    </td>
  );
}

/** A row's last cell: Edit (where the row can be edited), then the row's other actions. */
export function RowActions({ onEdit, children }: { onEdit?(): void; children: ReactNode }) {
  return (
    <td className="admin-table__actions">
      {onEdit && (
        <button type="button" className="button button--small" onClick={onEdit}>
          {t('admin.edit')}
        </button>
      )}
      {children}
    </td>
  );
}

/**
 * A row's way in and out of service: taking it out (deactivate, retire, disable: `label`) asks
 * `question` first; putting it back (reactivate, restore, enable: `backLabel`) is one plain button.
 */
export function OutOfServiceAction({ out, label, question, backLabel, onSet }: { out: boolean; label: string; question: string; backLabel: string; onSet(out: boolean): void | Promise<void> }) {
  if (!out) return <ConfirmAction danger label={label} question={question} onConfirm={() => onSet(true)} />;
  return (
    <button type="button" className="button button--small" onClick={() => void onSet(false)}>
      {backLabel}
    </button>
  );
}
