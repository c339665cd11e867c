import { canView, type MarkedItem, type Viewer } from '@lintas/contracts';

/** One marking a team had from `from` (its event's time) until the next one. */
export interface TeamMarkingSpan extends MarkedItem {
  teamId: string;
  from: number;
}

/**
 * Which positions of a team the viewer may see: those taken while the team, as then marked, was
 * visible to the viewer. A team raised to TLP:RED hides its positions from the raise on; one
 * released later shows them only from its release. Spans are in time order per team.
 */
export function visibleAt(spans: readonly TeamMarkingSpan[], viewer: Viewer): (teamId: string, at: string) => boolean {
  const byTeam = new Map<string, { from: number; visible: boolean }[]>();
  for (const span of spans) {
    let list = byTeam.get(span.teamId);
    if (!list) byTeam.set(span.teamId, (list = []));
    list.push({ from: span.from, visible: canView(span, viewer) });
  }
  return (teamId, at) => {
    const list = byTeam.get(teamId);
    if (!list) return false;
    const moment = Date.parse(at);
    let visible = false;
    for (const span of list) {
      if (span.from > moment) break;
      visible = span.visible;
    }
    // A position taken before the team was created in the log counts under its first marking.
    return moment < list[0].from ? list[0].visible : visible;
  };
}
