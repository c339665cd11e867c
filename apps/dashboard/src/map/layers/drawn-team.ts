import type { Team } from '@lintas/contracts';
import type L from 'leaflet';
import type { TeamGlyph } from './team-glyph';

/** Above the reports' markers (600), below tooltips (650). */
export const TEAMS_PANE = 'lintas-teams';
/**
 * Trails and the legs of glyphs drawn away from their place, just under the glyphs: a renderer of
 * their own, so a new line is only appended, not moved behind the glyphs one by one with
 * `bringToBack` (a position load starts hundreds of trails within seconds).
 */
export const TRAILS_PANE = 'lintas-team-trails';

/** What the teams layer keeps of a team it has drawn: its glyph, what it showed, where and how it is placed. */
export interface Drawn {
  glyph: TeamGlyph;
  /** The team object last drawn (teams are replaced, never mutated: the same object needs no work). */
  team: Team;
  signature: string;
  lat: number;
  lon: number;
  heading: number | null;
  /** The label's HTML: marking, call sign, status, and the age of a stale position. */
  label: string;
  stale: boolean;
  selected: boolean;
  /** The label shown now, if any. */
  shown: string | null;
  /** Rows the shown label is moved down by, clear of its neighbours' (`stackLabels`). */
  row: number;
  /** Pixels the glyph (and its label) are drawn away from the place (`placeTeams`). */
  dx: number;
  dy: number;
}

export const NO_OFFSET = { dx: 0, dy: 0 };

/** Runs `work` at the next animation frame (a timer where there are no frames); answers how to cancel it. */
export function soon(work: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(work);
  return () => cancelAnimationFrame(frame);
}

/** A team's SVG path, reachable with Tab and opened with Enter or Space like a button. */
export function focusable(glyph: L.Path, label: string, open: () => void): void {
  const element = glyph.getElement();
  if (!element || element.getAttribute('tabindex') === '0') return;
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
  element.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Enter' && (event as KeyboardEvent).key !== ' ') return;
    event.preventDefault();
    open();
  });
}
