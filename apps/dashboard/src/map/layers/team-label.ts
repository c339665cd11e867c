import L from 'leaflet';

/** Leaflet's tooltip internals this label replaces (not in Leaflet's typings). */
interface TooltipInternals {
  _container: HTMLElement;
  _getAnchor(): L.Point;
  _setPosition(pos: L.Point): void;
}

/**
 * A team's label: Leaflet's permanent tooltip, except that its height is measured once, not at
 * every placement. Leaflet reads the tooltip's `offsetWidth`/`offsetHeight` each time it places one
 * (every move of its team, every restacking, every label bound), after writing the previous one's
 * position: with 500 teams moving at once (a replay moment, a batch of positions) that is 500
 * forced layouts of a map holding thousands of report markers. A label placed to the right of its
 * glyph needs only its height, and team labels are one line (`white-space: nowrap`) of one style:
 * the height of the first one laid out serves every label of its class.
 */
export class TeamLabel extends L.Tooltip {
  private placedRight = false;

  /** Placed to the right, from the height measured for its class. */
  placeRight(pos: L.Point): void {
    const self = this as unknown as TooltipInternals;
    const container = self._container;
    let height = heights.get(container.className);
    if (height === undefined) {
      height = container.offsetHeight;
      // Not laid out yet (hidden): measured again next time.
      if (height <= 0) return leafletSetPosition.call(this, pos);
      heights.set(container.className, height);
    }
    const at = pos.subtract(L.point(0, height / 2, true)).add(L.point(this.options.offset ?? [0, 0])).add(self._getAnchor());
    if (!this.placedRight) {
      container.classList.remove('leaflet-tooltip-left', 'leaflet-tooltip-top', 'leaflet-tooltip-bottom');
      container.classList.add('leaflet-tooltip-right');
      this.placedRight = true;
    }
    L.DomUtil.setPosition(container, at);
  }
}

/** A label's height by its class (the first one measured; the classes set in Leaflet's placement are the same for all). */
const heights = new Map<string, number>();

const prototype = TeamLabel.prototype as unknown as TooltipInternals & TeamLabel;
const leafletSetPosition = prototype._setPosition;
prototype._setPosition = function (this: TeamLabel, pos: L.Point) {
  if (this.options.direction === 'right') this.placeRight(pos);
  else leafletSetPosition.call(this, pos);
};
