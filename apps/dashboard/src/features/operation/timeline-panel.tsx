import type { OperationParticipant, RequestState, TaskState } from '@lintas/contracts';
import { memo, useMemo, useState } from 'react';
import { type MessageKey, t } from '../../i18n/i18n';
import type { TimelineEntry } from '../../realtime/timeline';
import { reportKindLabel, requestStateLabel, taskStateLabel, teamStatusLabel } from '../../ui/labels';
import { MarkingLabel } from '../../ui/marking-label';
import { TimeText } from '../../ui/time-text';
import { NewLinesMarker } from './new-lines-marker';
import './timeline-panel.css';

/** Lines shown; older ones stay in the store (and the log). */
export const TIMELINE_SHOWN = 150;

export interface TimelinePanelProps {
  entries: readonly TimelineEntry[];
  /** False while the past is still being read: an empty timeline is then "loading", not "nothing happened". */
  historyLoaded: boolean;
  participants: readonly OperationParticipant[];
  onSelectReport: (reportId: string) => void;
  onSelectTeam: (teamId: string) => void;
}

/** The live timeline, newest first, each line with its marking. */
export const TimelinePanel = memo(function TimelinePanel({ entries, historyLoaded, participants, onSelectReport, onSelectTeam }: TimelinePanelProps) {
  const agencyCode = (id: string) => participants.find((participant) => participant.agency.id === id)?.agency.code ?? '—';
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const shown = useMemo(() => entries.slice(0, TIMELINE_SHOWN).map((entry) => entry.seq), [entries]);
  if (entries.length === 0) return <p className="muted panel-empty">{historyLoaded ? t('timeline.empty') : t('common.loading')}</p>;
  return (
    <>
    <NewLinesMarker scroller={scroller} newestSeq={shown[0] ?? null} seqs={shown} />
    <ol className="timeline" data-testid="timeline" ref={(element) => setScroller(element?.parentElement ?? null)}>
      {entries.slice(0, TIMELINE_SHOWN).map((entry) => {
        const open = entry.reportId ? () => onSelectReport(entry.reportId!) : entry.teamId ? () => onSelectTeam(entry.teamId!) : undefined;
        return (
          <li key={entry.seq} className={`timeline__item timeline__item--${entry.kind.replace('.', '-')}${entry.reportKind === 'alert' ? ' timeline__item--alert' : ''}`} data-seq={entry.seq} data-kind={entry.kind}>
            <div className="timeline__meta">
              <TimeText value={entry.at} style="time" />
              <MarkingLabel marking={entry.marking} />
              <span className="timeline__agency">{agencyCode(entry.originAgencyId)}</span>
            </div>
            {open ? (
              <button type="button" className="timeline__text" onClick={open}>
                {describe(entry, agencyCode)}
              </button>
            ) : (
              <span className="timeline__text">{describe(entry, agencyCode)}</span>
            )}
          </li>
        );
      })}
    </ol>
    </>
  );
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function describe(entry: TimelineEntry, agencyCode: (id: string) => string): string {
  const key = `timeline.${entry.kind}` as MessageKey;
  return t(key, {
    // Older events name the removed agency by id only.
    subject: entry.kind === 'operation.participant_removed' && UUID.test(entry.subject) ? agencyCode(entry.subject) : entry.subject,
    kind: entry.reportKind ? reportKindLabel(entry.reportKind) : '',
    status: entry.teamStatus ? teamStatusLabel(entry.teamStatus) : '',
    reason: entry.reason ?? '',
    state: entry.state ? (entry.taskId ? taskStateLabel(entry.state as TaskState) : requestStateLabel(entry.state as RequestState)).toLowerCase() : '',
  });
}
