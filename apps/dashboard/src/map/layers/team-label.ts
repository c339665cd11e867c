import L from 'leaflet';

/** Leaflet's tooltip internals this label replaces (not in Leaflet's typings). */
interface TooltipInternals {
  _container: HTMLElement;
  _content: unknown;
  _getAnchor(): L.Point;
  _setPosition(pos: L.Point): void;
}

/**
 * A team's label: Leaflet's permanent tooltip, except that its height is measured once per content
 * instead of at every placement. Leaflet reads the tooltip's `offsetWidth`/`offsetHeight` each time
 * it places one (every move of its team, every restacking), after writing the previous one's
 * position: with 500 teams moving at once (a replay moment, a batch of positions) that is 500
 * forced layouts of a map holding thousands of report markers. A label placed to the right of
 * its glyph needs only its height, the same while its text is.
 */
export class TeamLabel extends L.Tooltip {
  private measured: { content: unknown; height: number } | null = null;
  private placedRight = false;

  /** Placed to the right, from the height measured for this content. */
  placeRight(pos: L.Point): void {
    const self = this as unknown as TooltipInternals;
    const container = self._container;
    if (!this.measured || this.measured.content !== self._content) {
      const height = container.offsetHeight;
      // Not laid out yet (hidden): measured again next time.
      this.measured = height > 0 ? { content: self._content, height } : null;
      if (!this.measured) return leafletSetPosition.call(this, pos);
    }
    const at = pos.subtract(L.point(0, this.measured.height / 2, true)).add(L.point(this.options.offset ?? [0, 0])).add(self._getAnchor());
    if (!this.placedRight) {
      container.classList.remove('leaflet-tooltip-left', 'leaflet-tooltip-top', 'leaflet-tooltip-bottom');
      container.classList.add('leaflet-tooltip-right');
      this.placedRight = true;
    }
    L.DomUtil.setPosition(container, at);
  }
}

const prototype = TeamLabel.prototype as unknown as TooltipInternals & TeamLabel;
const leafletSetPosition = prototype._setPosition;
prototype._setPosition = function (this: TeamLabel, pos: L.Point) {
  if (this.options.direction === 'right') this.placeRight(pos);
  else leafletSetPosition.call(this, pos);
};
