import type { Lesson, Marking, Operation, OperationLessons } from '@lintas/contracts';
import { MARKINGS, mayManageOperation } from '@lintas/contracts/plain';
import { useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../api/api-error';
import { useApi, useUser } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { currentLocale, t } from '../../i18n/i18n';
import { MarkingLabel } from '../../ui/marking-label';
import { formatTime, timeDisplay } from '../../ui/time-text';
import '../operation/help-overlay.css';
import './after-action-dialog.css';

const EMPTY_LESSON: Lesson = { lesson: '', action: '', owner: '', dueDate: null };

/**
 * The after-action report: download it (the server prints it for this user's view), and, for the
 * lead agency's commanders, the lessons identified and improvement actions it carries.
 */
export function AfterActionDialog({ operation, liveLessons, onClose }: { operation: Operation; liveLessons: OperationLessons | null; onClose(): void }) {
  const api = useApi();
  const user = useUser();
  const editable = mayManageOperation(user, { role: operation.myRole });
  const [lessons, setLessons] = useState<OperationLessons | null>(null);
  const [items, setItems] = useState<Lesson[]>([]);
  const [marking, setMarking] = useState<Marking>('TLP:AMBER');
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'downloading' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  useEffect(() => {
    const controller = new AbortController();
    api.getLessons(operation.id, controller.signal).then(
      (loaded) => {
        setLessons(loaded);
        setItems(loaded.items);
        setMarking(loaded.marking);
      },
      (error: unknown) => {
        if (!isAbortError(error)) setStatus({ kind: 'error', message: errorText(error) });
      },
    );
    return () => controller.abort();
  }, [api, operation.id]);

  // Saved meanwhile by another commander (the live feed): shown at once, unless this one is editing.
  const [followed, setFollowed] = useState<OperationLessons | null>(null);
  if (liveLessons && liveLessons !== followed && lessons && isNewer(liveLessons, lessons)) {
    setFollowed(liveLessons);
    const editing = JSON.stringify(items) !== JSON.stringify(lessons.items) || marking !== lessons.marking;
    setLessons(liveLessons);
    if (!editing) {
      setItems(liveLessons.items);
      setMarking(liveLessons.marking);
    }
  }

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const saved = await api.saveLessons(operation.id, { marking, items: items.filter((item) => item.lesson.trim() !== '') });
      setLessons(saved);
      setItems(saved.items);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: errorText(error) });
    }
  };

  const download = async () => {
    setStatus({ kind: 'downloading' });
    try {
      // Printed as this page shows things: its language, and times in UTC or in this browser's zone.
      const pdf = await api.afterActionReport(operation.id, { lang: currentLocale(), time: timeDisplay(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      const url = URL.createObjectURL(pdf);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${operation.code}-after-action.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', message: errorText(error) });
    }
  };

  const change = (index: number, patch: Partial<Lesson>) => setItems((current) => current.map((item, at) => (at === index ? { ...item, ...patch } : item)));

  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <section className="overlay__dialog after-action" role="dialog" aria-modal="true" aria-labelledby="after-action-title" data-testid="after-action" onClick={(event) => event.stopPropagation()}>
        <header className="overlay__header">
          <h3 id="after-action-title">{t('afterAction.title')}</h3>
          <button ref={closeButton} type="button" className="button button--small" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <p className="muted">{t('afterAction.viewNote')}</p>
        <button type="button" className="button button--primary" onClick={download} disabled={status.kind === 'downloading'} data-testid="after-action-download">
          {status.kind === 'downloading' ? t('afterAction.downloading') : t('afterAction.download')}
        </button>

        <h4>{t('afterAction.lessons')}</h4>
        {lessons === null && status.kind !== 'error' && <p className="muted">{t('common.loading')}</p>}
        {lessons && !editable && items.length === 0 && <p className="muted">{t('afterAction.noLessons')}</p>}
        {lessons && !editable && items.length > 0 && (
          <ol className="after-action__lessons">
            {items.map((item, index) => (
              <li key={index}>
                <strong>{item.lesson}</strong>
                {item.action && <div>{t('afterAction.action')}: {item.action}</div>}
                <div className="muted">
                  {item.owner} {item.dueDate && `· ${formatTime(item.dueDate, 'date')}`}
                </div>
              </li>
            ))}
          </ol>
        )}
        {lessons && editable && (
          <form
            className="after-action__form"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            {items.map((item, index) => (
              <fieldset key={index} className="after-action__lesson" data-testid="lesson">
                <legend>{t('afterAction.lessonNumber', { number: index + 1 })}</legend>
                <label>
                  {t('afterAction.lesson')}
                  <textarea value={item.lesson} onChange={(event) => change(index, { lesson: event.target.value })} rows={2} maxLength={2000} required />
                </label>
                <label>
                  {t('afterAction.action')}
                  <textarea value={item.action} onChange={(event) => change(index, { action: event.target.value })} rows={2} maxLength={2000} />
                </label>
                <div className="after-action__row">
                  <label>
                    {t('afterAction.owner')}
                    <input value={item.owner} onChange={(event) => change(index, { owner: event.target.value })} maxLength={120} />
                  </label>
                  <label>
                    {t('afterAction.due')}
                    <input type="date" value={item.dueDate ?? ''} onChange={(event) => change(index, { dueDate: event.target.value || null })} />
                  </label>
                  <button type="button" className="button button--small" onClick={() => setItems((current) => current.filter((_item, at) => at !== index))}>
                    {t('afterAction.remove')}
                  </button>
                </div>
              </fieldset>
            ))}
            <div className="after-action__row">
              <button type="button" className="button button--small" onClick={() => setItems((current) => [...current, { ...EMPTY_LESSON }])} data-testid="lesson-add">
                {t('afterAction.add')}
              </button>
              <label>
                {t('afterAction.marking')}
                <select value={marking} onChange={(event) => setMarking(event.target.value as Marking)} data-testid="lessons-marking">
                  {MARKINGS.filter((m) => m !== 'TLP:RED').map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </label>
              <MarkingLabel marking={marking} />
              <button type="submit" className="button button--primary" disabled={status.kind === 'saving'} data-testid="lessons-save">
                {t('afterAction.save')}
              </button>
            </div>
          </form>
        )}
        {status.kind === 'saved' && (
          <p role="status" data-testid="lessons-saved">
            {t('afterAction.saved')}
          </p>
        )}
        {status.kind === 'error' && (
          <p role="alert" className="after-action__error">
            {status.message}
          </p>
        )}
      </section>
    </div>
  );
}

function isNewer(candidate: OperationLessons, known: OperationLessons): boolean {
  return candidate.updatedAt !== null && (known.updatedAt === null || Date.parse(candidate.updatedAt) > Date.parse(known.updatedAt));
}
