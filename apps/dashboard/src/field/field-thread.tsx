import type { Task, ThreadMessage } from '@lintas/contracts';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { ft } from '../i18n/field-i18n';
import { formatTime } from '../ui/time-text';
import type { StoredOutboxItem } from './outbox-types';
import type { SyncEngine } from './sync-engine';

/**
 * A task's thread on the phone: its past read when opened (if there is a link), new messages from
 * the live feed, and the officer's own messages still in the outbox, shown as waiting.
 */
export function FieldThread({ task, api, engine, live, items }: { task: Task; api: ApiClient; engine: SyncEngine; live: readonly ThreadMessage[]; items: readonly StoredOutboxItem[] }) {
  const [past, setPast] = useState<readonly ThreadMessage[]>([]);
  const [text, setText] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    // Read when there is a link (now or when it returns); offline, the live and waiting ones show.
    const read = () =>
      void api.listMessages(task.operationId, 'task', task.id, controller.signal).then(setPast, () => undefined);
    if (navigator.onLine !== false) read();
    window.addEventListener('online', read);
    return () => {
      controller.abort();
      window.removeEventListener('online', read);
    };
  }, [api, task.operationId, task.id]);
  const messages = useMemo(() => {
    const byClient = new Map(past.map((message) => [message.clientId, message]));
    for (const message of live) if (message.subjectId === task.id) byClient.set(message.clientId, message);
    return [...byClient.values()].sort((a, b) => a.at.localeCompare(b.at));
  }, [past, live, task.id]);
  const waiting = items.filter(
    (item): item is StoredOutboxItem & { kind: 'message' } => item.kind === 'message' && item.body.taskId === task.id && item.state !== 'delivered' && !messages.some((message) => message.clientId === item.id),
  );
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void engine.enqueue({ kind: 'message', operationId: task.operationId, teamId: task.teamId, body: { taskId: task.id, title: task.title, text: text.trim() } });
    setText('');
  };
  return (
    <div className="field-thread" data-testid="field-thread">
      <strong>{ft('thread.title')}</strong>
      <ol className="field-thread__messages">
        {messages.map((message) => (
          <li key={message.id}>
            <span className="field-muted">
              {formatTime(message.at, 'time')} · {message.agencyCode}
            </span>{' '}
            {message.body}
          </li>
        ))}
        {waiting.map((item) => (
          <li key={item.id} className="field-muted" data-testid="field-thread-waiting">
            {item.body.text} ({ft('thread.waiting')})
          </li>
        ))}
      </ol>
      <form className="field-thread__form" onSubmit={send}>
        <input value={text} onChange={(event) => setText(event.target.value)} placeholder={ft('thread.placeholder')} aria-label={ft('thread.placeholder')} maxLength={2000} data-testid="field-thread-input" />
        <button type="submit" className="field-button field-button--small" disabled={!text.trim()} data-testid="field-thread-send">
          {ft('thread.send')}
        </button>
      </form>
    </div>
  );
}
