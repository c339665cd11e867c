import type { AgencyRequest, Marking, Operation, RequestKind, RequestState, Team, User } from '@lintas/contracts';
import { handoverRefusal, isCommanding, mayWriteInOperation, REQUEST_KINDS, requestTransitionRefusal } from '@lintas/contracts/plain';
import { type FormEvent, memo, useMemo, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { requestKindLabel, requestStateLabel } from '../../ui/labels';
import { MarkingLabel } from '../../ui/marking-label';
import { optionsOf, SelectField } from '../../ui/select-field';
import { formatTime } from '../../ui/time-text';
import { HandoverView } from './handover-view';
import { TaskForm } from './task-form';
import { ThreadView } from './thread-view';
import type { TaskingApi } from './tasking-api';
import { InputField, MarkingField, NotesField, SendButton, useTaskingSubmit } from './tasking-fields';
import './tasking.css';

export interface RequestsPanelProps {
  operation: Operation;
  user: User;
  calls: TaskingApi;
}

/** The requests panel of the viewer's agency: incoming, outgoing, overdue (and, for the lead, those between others it may see). */
export const RequestsPanel = memo(function RequestsPanel({ operation, user, calls }: RequestsPanelProps) {
  const requests = useOperationSelector((state) => state.requests);
  const teams = useOperationSelector((state) => state.teams);
  const [adding, setAdding] = useState(false);
  const actor = { id: user.id, role: user.role, agencyId: user.agency.id };
  const mayWrite = mayWriteInOperation(actor, { role: operation.myRole, status: operation.status }) && isCommanding(actor);
  const groups = useMemo(() => {
    const all = [...requests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const mine = user.agency.id;
    return [
      { key: 'overdue', items: all.filter((r) => r.overdue && r.state === 'open') },
      { key: 'incoming', items: all.filter((r) => r.toAgency.id === mine && !(r.overdue && r.state === 'open')) },
      { key: 'outgoing', items: all.filter((r) => r.fromAgency.id === mine && !(r.overdue && r.state === 'open')) },
      { key: 'others', items: all.filter((r) => r.toAgency.id !== mine && r.fromAgency.id !== mine && !(r.overdue && r.state === 'open')) },
    ] as const;
  }, [requests, user.agency.id]);
  const ownTeams = useMemo(() => [...teams.values()].filter((team) => team.agency.id === user.agency.id), [teams, user.agency.id]);

  return (
    <section className="requests-panel" data-testid="requests-panel">
      {mayWrite && (
        <div className="task-board__tools">
          <button type="button" className="button button--small button--primary" onClick={() => setAdding((open) => !open)} aria-expanded={adding} data-testid="request-new">
            {t('requests.new')}
          </button>
        </div>
      )}
      {adding && <RequestForm operation={operation} user={user} calls={calls} onDone={() => setAdding(false)} />}
      {groups.map((group) =>
        group.key === 'others' && group.items.length === 0 ? null : (
          <div key={group.key} className="requests-panel__group" data-testid={`requests-${group.key}`}>
            <h3>
              {t(`requests.${group.key}`)} <span className="muted">({group.items.length})</span>
            </h3>
            {group.items.length === 0 ? (
              <p className="muted">{t('requests.empty')}</p>
            ) : (
              <ul>
                {group.items.map((request) => (
                  <RequestCard key={request.id} request={request} operation={operation} user={user} mayWrite={mayWrite} ownTeams={ownTeams} calls={calls} />
                ))}
              </ul>
            )}
          </div>
        ),
      )}
    </section>
  );
});

function RequestCard({ request, operation, user, mayWrite, ownTeams, calls }: { request: AgencyRequest; operation: Operation; user: User; mayWrite: boolean; ownTeams: readonly Team[]; calls: TaskingApi }) {
  const [error, setError] = useState<string | null>(null);
  const [tasking, setTasking] = useState(false);
  const [thread, setThread] = useState(false);
  const actor = { role: user.role, agencyId: user.agency.id };
  const standing = { fromAgencyId: request.fromAgency.id, toAgencyId: request.toAgency.id };
  const may = (to: RequestState) => mayWrite && requestTransitionRefusal(actor, standing, to) === null;
  const move = async (to: RequestState, reasonPrompt?: string) => {
    const reason = reasonPrompt ? window.prompt(reasonPrompt) : undefined;
    if (reasonPrompt && !reason) return;
    setError(null);
    try {
      await calls.moveRequest(request.id, to, reason ?? undefined);
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <li className={`request-card${request.overdue ? ' task-card--overdue' : ''}`} data-testid="request-card" data-request-id={request.id} data-state={request.state}>
      <div className="task-card__head">
        <strong>{request.subject}</strong>
        <MarkingLabel marking={request.marking} />
      </div>
      <div className="task-card__meta">
        {requestKindLabel(request.kind)} · {t('requests.fromTo', { from: request.fromAgency.code, to: request.toAgency.code })} ·{' '}
        <span data-testid="request-state">{requestStateLabel(request.state)}</span>
      </div>
      {request.details && <div className="task-card__reason">{request.details}</div>}
      {request.state === 'open' && <div className="task-card__meta">{t('requests.answerDue', { time: formatTime(request.answerDueAt, 'time') })}</div>}
      {request.overdue && request.state === 'open' && <div className="task-card__overdue">{t('requests.escalated')}</div>}
      {request.stateReason && <div className="task-card__reason">“{request.stateReason}”</div>}
      <div className="tasking-actions">
        <button type="button" className="button button--small" onClick={() => setThread((open) => !open)} aria-expanded={thread} data-testid="request-thread">
          {t('thread.title')}
        </button>
        {request.state === 'open' && may('accepted') && (
          <>
            <button type="button" className="button button--small button--ok" onClick={() => void move('accepted')} data-testid="request-accept">
              {t('requests.accept')}
            </button>
            <button type="button" className="button button--small button--danger" onClick={() => void move('declined', t('requests.declineReason'))} data-testid="request-decline">
              {t('requests.decline')}
            </button>
          </>
        )}
        {request.state === 'accepted' && request.toAgency.id === user.agency.id && mayWrite && (
          <button type="button" className="button button--small" onClick={() => setTasking((open) => !open)} data-testid="request-task">
            {t('requests.taskTeam')}
          </button>
        )}
        {request.state === 'accepted' && may('completed') && (
          <button type="button" className="button button--small" onClick={() => void move('completed')} data-testid="request-complete">
            {t('requests.complete')}
          </button>
        )}
        {(request.state === 'open' || request.state === 'accepted') && may('cancelled') && (
          <button type="button" className="button button--small button--danger" onClick={() => void move('cancelled', t('requests.cancelReason'))} data-testid="request-cancel">
            {t('requests.cancel')}
          </button>
        )}
      </div>
      {tasking && (
        <TaskForm
          operation={operation}
          teams={ownTeams}
          calls={calls}
          requestId={request.id}
          initialTitle={request.subject}
          initialMarking={request.marking}
          recipientAgencyIds={[request.fromAgency.id]}
          onDone={() => setTasking(false)}
        />
      )}
      {request.state !== 'open' && request.state !== 'declined' && (request.handover || request.state === 'accepted') && (
        <HandoverView request={request} mayEdit={mayWrite && handoverRefusal(actor, standing) === null && request.state === 'accepted'} user={user} calls={calls} />
      )}
      {thread && <ThreadView subject="request" subjectId={request.id} calls={calls} mayWrite={mayWrite} />}
      {error && <p role="alert" className="form-error" data-testid="request-error">{error}</p>}
    </li>
  );
}

function RequestForm({ operation, user, calls, onDone }: { operation: Operation; user: User; calls: TaskingApi; onDone(): void }) {
  const addressees = operation.participants.filter((p) => p.agency.id !== user.agency.id && p.role !== 'observer');
  const [toAgencyId, setTo] = useState(addressees[0]?.agency.id ?? '');
  const [kind, setKind] = useState<RequestKind>('assist');
  const [subject, setSubject] = useState('');
  const [details, setDetails] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [marking, setMarking] = useState<Marking>('TLP:AMBER');
  const { busy, error, submit: send } = useTaskingSubmit({
    toAgencyId: t('requests.to'),
    kind: t('requests.kind'),
    subject: t('requests.subject'),
    details: t('requests.details'),
    answerWithinSeconds: t('requests.answerMinutes'),
    marking: t('tasks.marking'),
  });
  const submit = (event: FormEvent) =>
    send(event, async () => {
      await calls.createRequest({ toAgencyId, kind, subject, details, answerWithinSeconds: Math.max(60, Math.round(Number(minutes) * 60) || 900), marking });
      onDone();
    });
  return (
    <form className="tasking-form" onSubmit={(event) => void submit(event)} data-testid="request-form">
      <SelectField label={t('requests.to')} value={toAgencyId} options={addressees.map((p) => ({ value: p.agency.id, label: p.agency.code }))} onValue={setTo} testId="request-to" />
      <SelectField label={t('requests.kind')} value={kind} options={optionsOf(REQUEST_KINDS, requestKindLabel)} onValue={setKind} testId="request-kind" />
      <InputField label={t('requests.subject')} value={subject} onValue={setSubject} required maxLength={120} testId="request-subject" />
      <NotesField label={t('requests.details')} value={details} onValue={setDetails} testId="request-details" />
      <div className="tasking-form__row">
        <InputField label={t('requests.answerMinutes')} type="number" min={1} value={minutes} onValue={setMinutes} testId="request-minutes" />
        <MarkingField value={marking} onValue={setMarking} testId="request-marking" />
      </div>
      <SendButton error={error} errorTestId="request-form-error" disabled={busy || !subject.trim() || !toAgencyId} label={t('requests.send')} testId="request-submit" />
    </form>
  );
}
