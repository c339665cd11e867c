import type { OperationParticipant, RequestState, TaskState } from '@lintas/contracts';
import { memo, useMemo, useState } from 'react';
import { type MessageKey, t } from '../../i18n/i18n';
import type { TimelineEntry } from '../../realtime/timeline';
import { reportKindLabel, requestStateLabel, taskStateLabel, teamStatusLabel } from '../../ui/labels';
import { MarkingLabel } from '../../ui/marking-label';
import { TimeText } from '../../ui/time-text';
import { useReplayTimelineReach } from '../replay/replay-context';
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
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // Replaying, the reader may go further back than the first lines: the lines up to the moment, then older ones read from the log.
  const reach = useReplayTimelineReach();
  const [extra, setExtra] = useState(0);
  const count = TIMELINE_SHOWN + (reach ? extra : 0);
  const shown = useMemo(() => entries.slice(0, TIMELINE_SHOWN).map((entry) => entry.seq), [entries]);
  if (entries.length === 0 && !reach) return <p className="muted panel-empty">{historyLoaded ? t('timeline.empty') : t('common.loading')}</p>;
  const showEarlier = () => {
    setExtra((current) => current + TIMELINE_SHOWN);
    // Past what the store holds: the replay reads more (from the spans, else the log before them).
    if (entries.length <= count + TIMELINE_SHOWN) reach?.showEarlier();
  };
  return (
    <>
    <NewLinesMarker scroller={scroller} newestSeq={shown[0] ?? null} seqs={shown} />
    <ol className="timeline" data-testid="timeline" ref={(element) => setScroller(element?.parentElement ?? null)}>
      {entries.slice(0, count).map((entry) => (
        <TimelineLine key={entry.seq} entry={entry} participants={participants} onSelectReport={onSelectReport} onSelectTeam={onSelectTeam} />
      ))}
    </ol>
    {reach && (
      <button type="button" className="button button--small timeline__earlier" onClick={showEarlier} disabled={reach.loading} data-testid="timeline-earlier">
        {reach.loading ? t('common.loading') : t('timeline.earlier')}
      </button>
    )}
    </>
  );
});

/**
 * One line. Its own memo: lines are the same objects from one moment (or live event) to the next,
 * so a new line at the top, or a replayed moment, renders only the lines that are new.
 */
const TimelineLine = memo(function TimelineLine({ entry, participants, onSelectReport, onSelectTeam }: { entry: TimelineEntry } & Pick<TimelinePanelProps, 'participants' | 'onSelectReport' | 'onSelectTeam'>) {
  const agencyCode = (id: string) => participants.find((participant) => participant.agency.id === id)?.agency.code ?? '—';
  const open = entry.reportId ? () => onSelectReport(entry.reportId!) : entry.teamId ? () => onSelectTeam(entry.teamId!) : undefined;
  return (
    <li className={`timeline__item timeline__item--${entry.kind.replace('.', '-')}${entry.reportKind === 'alert' ? ' timeline__item--alert' : ''}`} data-seq={entry.seq} data-kind={entry.kind}>
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
