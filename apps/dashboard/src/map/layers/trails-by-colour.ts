import type { Team } from '@lintas/contracts';
import type L from 'leaflet';
import type { TrailPoint } from '../../realtime/operation-state';
import { layerPointOf, writtenPath, type WrittenPath } from './trails-line';
import { samePoints, sameTrails, trailsPath } from './trails-path';

interface ColourLines {
  line: WrittenPath;
  headsLine: WrittenPath;
  trails: readonly (readonly TrailPoint[])[];
  heads: readonly (readonly TrailPoint[])[];
}

/**
 * The teams' trails as one path per colour (agency), written again only when one of its trails
 * changed; and one path of their heads: where a team's position is past its trail's last point (a
 * replay playing holds the trails for a while, `ReplayPicture`), a line from that point to it, so
 * the trail still reaches the glyph while only the heads are written at each moment.
 */
export class TrailsByColour {
  private readonly lines = new Map<string, ColourLines>();

  constructor(
    private readonly group: L.LayerGroup,
    private readonly renderer: L.Renderer,
  ) {}

  draw(teams: readonly Team[], trails: ReadonlyMap<string, readonly TrailPoint[]>, colourOf: (agencyId: string) => string): void {
    const byColour = new Map<string, { trails: (readonly TrailPoint[])[]; heads: (readonly TrailPoint[])[] }>();
    for (const team of teams) {
      const points = trails.get(team.id);
      if (!points || points.length < 2) continue;
      const colour = colourOf(team.agency.id);
      let list = byColour.get(colour);
      if (!list) byColour.set(colour, (list = { trails: [], heads: [] }));
      list.trails.push(points);
      const last = points[points.length - 1];
      const position = team.lastPosition;
      if (position && (position.lat !== last.lat || position.lon !== last.lon)) list.heads.push([last, position]);
    }
    for (const [colour, list] of byColour) {
      const known = this.linesOf(colour);
      if (known.trails.length === 0 || !sameTrails(known.trails, list.trails)) {
        known.trails = list.trails;
        known.line.setPathOf((on) => trailsPath(list.trails, layerPointOf(on)));
      }
      if (!samePoints(known.heads, list.heads)) {
        known.heads = list.heads;
        known.headsLine.setPathOf((on) => trailsPath(list.heads, layerPointOf(on)));
      }
    }
    for (const [colour, known] of this.lines) {
      if (byColour.has(colour)) continue;
      known.line.remove();
      known.headsLine.remove();
      this.lines.delete(colour);
    }
  }

  private linesOf(colour: string): ColourLines {
    let known = this.lines.get(colour);
    if (!known) {
      const style = { renderer: this.renderer, color: colour, weight: 2.5, opacity: 0.6, className: 'team-trail' };
      known = { line: writtenPath(style).addTo(this.group) as WrittenPath, headsLine: writtenPath(style).addTo(this.group) as WrittenPath, trails: [], heads: [] };
      this.lines.set(colour, known);
    }
    return known;
  }
}
