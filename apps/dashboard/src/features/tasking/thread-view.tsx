import type { ThreadMessage, ThreadSubject } from '@lintas/contracts';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { formatTime } from '../../ui/time-text';
import type { TaskingApi } from './tasking-api';

/**
 * The message thread of a task or a request: its past read over REST when opened, new messages
 * from the live feed (which brings them only to those who may see the subject).
 */
export function ThreadView({ subject, subjectId, calls, mayWrite }: { subject: ThreadSubject; subjectId: string; calls: TaskingApi; mayWrite: boolean }) {
  const [past, setPast] = useState<readonly ThreadMessage[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const live = useOperationSelector((state) => state.threadMessages);
  useEffect(() => {
    const controller = new AbortController();
    calls.messages(subject, subjectId, controller.signal).then(setPast, () => undefined);
    return () => controller.abort();
  }, [calls, subject, subjectId]);
  const messages = useMemo(() => {
    const byId = new Map(past.map((message) => [message.id, message]));
    for (const message of live) if (message.subjectId === subjectId) byId.set(message.id, message);
    return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
  }, [past, live, subjectId]);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const message = await calls.postMessage(subject, subjectId, text);
      setPast((all) => [...all, message]);
      setText('');
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <div className="thread" data-testid="thread">
      <h4>{t('thread.title')}</h4>
      {messages.length === 0 && <p className="muted">{t('thread.empty')}</p>}
      <ol className="thread__messages">
        {messages.map((message) => (
          <li key={message.id} data-testid="thread-message">
            <span className="muted">
              {formatTime(message.at, 'time')} · {message.agencyCode} · {message.authorName}
            </span>
            <div>{message.body}</div>
          </li>
        ))}
      </ol>
      {mayWrite && (
        <form className="thread__form" onSubmit={(event) => void send(event)}>
          <input value={text} onChange={(event) => setText(event.target.value)} placeholder={t('thread.placeholder')} maxLength={2000} aria-label={t('thread.placeholder')} data-testid="thread-input" />
          <button type="submit" className="button button--small" disabled={!text.trim()} data-testid="thread-send">
            {t('thread.send')}
          </button>
        </form>
      )}
      {error && <p role="alert" className="form-error">{error}</p>}
    </div>
  );
}
