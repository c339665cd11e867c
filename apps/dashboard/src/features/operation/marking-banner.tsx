import type { Marking } from '@lintas/contracts';
import { mostRestrictive } from '@lintas/contracts/plain';
import { t } from '../../i18n/i18n';
import { markingSuffix } from '../../map/map-glyphs';
import './marking-banner.css';

export interface OnScreen {
  /** Items drawn on the map (already filtered, layer on, inside the view). */
  mapItems: Iterable<{ marking: Marking }>;
  /** Lines of the timeline and rows of the roster on screen. */
  listItems: Iterable<{ marking: Marking }>;
  /** The item open in the detail panel. */
  detail: { marking: Marking } | null;
}

/** The most restrictive handling marking among everything on screen, or null when nothing marked is shown. */
export function markingOnScreen(onScreen: OnScreen): Marking | null {
  function* all(): Iterable<Marking> {
    for (const item of onScreen.mapItems) yield item.marking;
    for (const item of onScreen.listItems) yield item.marking;
    if (onScreen.detail) yield onScreen.detail.marking;
  }
  return mostRestrictive(all());
}

/**
 * The banner across the top of the operation view: the most restrictive marking on screen, in
 * its TLP colour, so that anyone looking at (or photographing) the screen knows how to handle it.
 */
export function MarkingBanner({ marking }: { marking: Marking | null }) {
  const shown = marking ?? 'TLP:CLEAR';
  return (
    <div className={`marking-banner marking-banner--${markingSuffix(shown)}`} data-testid="marking-banner" data-marking={marking ?? ''} role="status">
      <strong>{shown}</strong>
      <span>{marking ? t('banner.mostRestrictive') : t('banner.nothingMarked')}</span>
    </div>
  );
}
