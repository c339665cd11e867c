import type { CreateReport, PositionInput, TeamStatus, User } from '@lintas/contracts';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { SessionStore } from '../auth/session-store';
import { formatTime } from '../ui/time-text';
import { LanguageSelect } from '../i18n/language-choice';
import { ft } from '../i18n/field-i18n';
import { OutboxList } from './outbox-list';
import type { OutboxStore } from './outbox-store';
import type { StoredOutboxItem } from './outbox-types';
import { AlertFormView } from './alert/alert-form-view';
import { DocumentCheckView } from './document-check/document-check-view';
import { formFromReport } from './report-form';
import { ReportFormView } from './report-form-view';
import { onFieldUpdate } from './service-worker';
import { SyncStatusBar } from './sync-status-bar';
import { FieldTasks } from './field-tasks';
import { TeamPanel } from './team-panel';
import { type Assignment, useFieldContext } from './use-field-context';
import { useFieldSync } from './use-field-sync';

type Tab = 'team' | 'tasks' | 'alert' | 'interception' | 'sitrep' | 'check' | 'outbox';
const TABS: readonly Tab[] = ['team', 'tasks', 'alert', 'interception', 'sitrep', 'check', 'outbox'];
type ReportItem = StoredOutboxItem & { kind: 'report' };

export interface FieldPageProps {
  user: User;
  session: SessionStore;
  api: ApiClient;
  outbox: OutboxStore;
}

/** The field officer's page: the team, its status and position, the report forms and the outbox. */
export function FieldPage({ user, session, api, outbox }: FieldPageProps) {
  const context = useFieldContext(api, outbox, user.id);
  const { engine, snapshot } = useFieldSync(api, outbox, user.id);
  const [tab, setTab] = useState<Tab>('team');
  const [editing, setEditing] = useState<ReportItem | null>(null);
  const [picking, setPicking] = useState(false);
  const selected = picking ? null : context.selected;

  const signOut = () => {
    if (snapshot.status.waiting > 0 && !window.confirm(ft('signOut.waiting', { count: snapshot.status.waiting }))) return;
    void session.signOut();
  };

  const enqueueReport = async (assignment: Assignment, report: CreateReport) => {
    await engine.enqueue({ kind: 'report', id: report.clientId, operationId: assignment.operation.id, teamId: assignment.team.id, body: report });
  };

  return (
    <div className="field" data-testid="field-page">
      <SyncStatusBar status={snapshot.status} onRetry={() => void engine.kick()} />
      <UpdateBanner />
      <header className="field-header">
        {selected ? (
          <div className="field-header__team" data-testid="field-team">
            <strong className="field-header__callsign">{selected.team.callSign}</strong>
            <span className="field-header__operation">
              {selected.operation.name} · {selected.operation.code}
              {selected.operation.exercise && <span className="field-exercise">{ft('context.exercise')}</span>}
            </span>
          </div>
        ) : (
          <strong>{ft('title')}</strong>
        )}
        <div className="field-header__user">
          <LanguageSelect className="field-select" label={ft('language')} />
          {context.assignments.length > 1 && selected && (
            <button type="button" className="field-button field-button--small" onClick={() => setPicking(true)} data-testid="change-team">
              {ft('context.change')}
            </button>
          )}
          <button type="button" className="field-button field-button--small" onClick={signOut} data-testid="field-sign-out">
            {ft('signOut')}
          </button>
        </div>
      </header>
      {context.offline && context.fetchedAt && (
        <p className="field-cached" data-testid="field-cached">
          {ft('context.cached', { time: formatTime(context.fetchedAt, 'datetime') })}
        </p>
      )}

      {selected?.operation.status === 'closed' && (
        <p className="field-notice field-notice--banner" data-testid="field-closed">
          {ft('context.closed')}
        </p>
      )}

      <main className="field-main">
        {tab === 'outbox' && !editing ? (
          <OutboxList items={snapshot.items} lastPositions={snapshot.lastPositions} onEdit={(item) => setEditing(item)} onDiscard={(ids) => void engine.discard(ids)} />
        ) : !selected ? (
          <TeamPicker
            state={context}
            onPick={(teamId) => {
              context.select(teamId);
              setPicking(false);
            }}
          />
        ) : editing ? (
          <ReportFormView
            key={editing.id}
            kind={editing.body.kind === 'interception' ? 'interception' : 'sitrep'}
            assignment={selected}
            sites={context.sites}
            initial={formFromReport(editing.body)}
            onSubmit={async (report) => {
              // A refused post stored nothing on the server: send the corrected one as a new post.
              await enqueueReport(selected, report);
              await engine.discard([editing.id]);
              setEditing(null);
              setTab('outbox');
            }}
            onCancelEdit={() => setEditing(null)}
          />
        ) : (
          <>
            {tab === 'team' && (
              <TeamTab assignment={selected} context={context} items={snapshot.items} onStatus={(status) => engine.enqueue({ kind: 'status', operationId: selected.operation.id, teamId: selected.team.id, body: { status } })} onPosition={(position) => engine.enqueue({ kind: 'position', operationId: selected.operation.id, teamId: selected.team.id, body: position })} />
            )}
            {tab === 'alert' && <AlertFormView assignment={selected} sites={context.sites} onSubmit={(report) => enqueueReport(selected, report)} />}
            {tab === 'check' && <DocumentCheckView assignment={selected} engine={engine} items={snapshot.items} api={api} />}
            {tab === 'tasks' && <FieldTasks assignment={selected} api={api} tokens={session} outbox={outbox} engine={engine} items={snapshot.items} />}
            {(tab === 'interception' || tab === 'sitrep') && (
              <ReportFormView key={tab} kind={tab} assignment={selected} sites={context.sites} onSubmit={(report) => enqueueReport(selected, report)} />
            )}
          </>
        )}
      </main>

      {!editing && (
        <nav className="field-tabs" aria-label={ft('tab.label')}>
          {TABS.map((name) => (
            <button key={name} type="button" className="field-tab" aria-current={tab === name ? 'page' : undefined} onClick={() => setTab(name)} data-testid={`tab-${name}`}>
              {ft(`tab.${name}`)}
              {name === 'outbox' && snapshot.status.waiting + snapshot.status.rejected > 0 && (
                <span className="field-tab__badge">{snapshot.status.waiting + snapshot.status.rejected}</span>
              )}
            </button>
          ))}
        </nav>
      )}
    </div>
  );
}

function TeamTab({
  assignment,
  context,
  items,
  onStatus,
  onPosition,
}: {
  assignment: Assignment;
  context: ReturnType<typeof useFieldContext>;
  items: readonly StoredOutboxItem[];
  onStatus(status: TeamStatus): Promise<unknown>;
  onPosition(position: PositionInput): Promise<unknown>;
}) {
  // The officer's last choice wins while it waits, and once delivered over a server copy read before the delivery.
  const readAt = context.fetchedAt ?? 0;
  const lastChoice = [...items]
    .reverse()
    .find(
      (item): item is StoredOutboxItem & { kind: 'status' } =>
        item.kind === 'status' &&
        item.teamId === assignment.team.id &&
        (item.state === 'queued' || item.state === 'sending' || (item.state === 'delivered' && (item.deliveredAt ?? 0) >= readAt)),
    );
  return (
    <TeamPanel
      assignment={assignment}
      sites={context.sites}
      currentStatus={lastChoice?.body.status ?? assignment.team.status}
      statusPending={!!lastChoice && lastChoice.state !== 'delivered'}
      onStatus={(status) => void onStatus(status)}
      onPosition={async (position) => {
        await onPosition(position);
      }}
    />
  );
}

function TeamPicker({ state, onPick }: { state: ReturnType<typeof useFieldContext>; onPick(teamId: string): void }) {
  if (state.phase === 'loading') return <p className="field-panel field-muted">{ft('context.loading')}</p>;
  if (state.assignments.length === 0) {
    return <p className="field-panel field-notice" data-testid="field-no-team">{state.offline ? ft('context.offlineNone') : ft('context.none')}</p>;
  }
  return (
    <section className="field-panel" aria-labelledby="field-pick-title" data-testid="team-picker">
      <h2 id="field-pick-title">{ft('context.pick')}</h2>
      <div className="field-actions">
        {state.assignments.map(({ team, operation }) => (
          <button key={team.id} type="button" className="field-button field-button--choice" onClick={() => onPick(team.id)} data-testid="pick-team" data-team={team.callSign}>
            <strong>{team.callSign}</strong>
            <span>
              {operation.name} · {operation.code}
              {operation.exercise ? ` · ${ft('context.exercise')}` : ''}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}

function UpdateBanner() {
  const [apply, setApply] = useState<(() => void) | null>(null);
  useEffect(() => onFieldUpdate((run) => setApply(() => run)), []);
  if (!apply) return null;
  return (
    <div className="field-update" role="status">
      <span>{ft('update.ready')}</span>
      <button type="button" className="field-button field-button--small" onClick={apply}>
        {ft('update.apply')}
      </button>
    </div>
  );
}
