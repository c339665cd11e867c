import type { ScreenPoint } from './fan-out';

/** What a report marker or cluster covers on screen, in container pixels. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Half the on-screen size of a team glyph (radius 11 and its ring). */
export const TEAM_HALF_PX = 13;
/** Teams closer than this (pixels) sit on one place: they fan out into a column. */
export const TEAM_GROUP_PX = 22;
/** Rows of a team column: a glyph and its label each (labels are 20 px high). */
export const TEAM_ROW_PX = 26;
/** Space kept between a team glyph and a report marker or cluster. */
const CLEARANCE_PX = 3;
/** A group's column starts this far right of its place, clear of the site symbol there. */
const GROUP_START_PX = 24;
/** Further than this the team would read as somewhere else: it stays there even if something still touches it. */
const MAX_PUSH_PX = 180;

/**
 * Where team glyphs are drawn so that none hides another and no report marker or cluster covers
 * one: teams on one place fan out into a column to the right of the place (their labels go to
 * the right, the site's name to the left), and a team or column that would touch a report marker
 * or cluster is pushed right until it is clear. Answers the pixel offset of every team that
 * moves; teams alone and clear get no entry. Stable: the column is in id order.
 */
export function placeTeams(teams: readonly ScreenPoint[], obstacles: readonly ScreenRect[]): Map<string, { dx: number; dy: number }> {
  const offsets = new Map<string, { dx: number; dy: number }>();
  for (const group of groupsOf(teams)) {
    const cx = group.reduce((sum, team) => sum + team.x, 0) / group.length;
    const cy = group.reduce((sum, team) => sum + team.y, 0) / group.length;
    const rows = group.map((_, index) => cy + (index - (group.length - 1) / 2) * TEAM_ROW_PX);
    // Only what is near the column can touch it.
    const reach = TEAM_HALF_PX + CLEARANCE_PX;
    const near = obstacles.filter(
      (o) => o.right > cx - reach && o.left < cx + MAX_PUSH_PX + reach && o.bottom > rows[0] - reach && o.top < rows[rows.length - 1] + reach,
    );
    let dx = group.length > 1 ? GROUP_START_PX : 0;
    for (let step = 0; step < 50; step++) {
      let needed = dx;
      const x = cx + dx;
      for (const y of rows) {
        for (const o of near) {
          if (x + reach > o.left && x - reach < o.right && y + reach > o.top && y - reach < o.bottom) needed = Math.max(needed, o.right + reach - cx);
        }
      }
      if (needed === dx || needed > MAX_PUSH_PX) break;
      dx = Math.ceil(needed);
    }
    if (group.length === 1 && dx === 0) continue;
    group.forEach((team, index) => offsets.set(team.id, { dx: Math.round(cx + dx - team.x), dy: Math.round(rows[index] - team.y) }));
  }
  return offsets;
}

/** Teams within `TEAM_GROUP_PX` of a group's first member join it (a grid finds the candidates). */
function groupsOf(teams: readonly ScreenPoint[]): ScreenPoint[][] {
  const cell = TEAM_GROUP_PX;
  const grid = new Map<string, { anchor: ScreenPoint; members: ScreenPoint[] }[]>();
  const groups: ScreenPoint[][] = [];
  for (const team of [...teams].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const gx = Math.floor(team.x / cell);
    const gy = Math.floor(team.y / cell);
    let joined = false;
    search: for (let ix = gx - 1; ix <= gx + 1; ix++) {
      for (let iy = gy - 1; iy <= gy + 1; iy++) {
        for (const group of grid.get(`${ix},${iy}`) ?? []) {
          if (Math.abs(group.anchor.x - team.x) < cell && Math.abs(group.anchor.y - team.y) < cell) {
            group.members.push(team);
            joined = true;
            break search;
          }
        }
      }
    }
    if (joined) continue;
    const group = { anchor: team, members: [team] };
    const key = `${gx},${gy}`;
    grid.set(key, [...(grid.get(key) ?? []), group]);
    groups.push(group.members);
  }
  return groups;
}

export interface TeamOffset {
  dx: number;
  dy: number;
}

const NO_OFFSET: TeamOffset = { dx: 0, dy: 0 };

/**
 * `placeTeams` kept up to date as teams move: after one full placement (`placeAll`), a move
 * places again only the teams it can affect (`placeMoved`) with the same answer a full placement
 * would give. Teams join a column only with teams within `TEAM_GROUP_PX` of one another, so the
 * columns form within each cluster of teams linked by that distance, and each column is placed
 * against the obstacles alone: the clusters a moved team leaves or joins are all that can change.
 * Points are in one frame of pixels (Leaflet's layer points; any frame that a pan only shifts).
 */
export class TeamPlacement {
  private readonly points = new Map<string, ScreenPoint>();
  private readonly offsets = new Map<string, TeamOffset>();
  /** Teams by grid cell of `TEAM_GROUP_PX`: the candidates within that distance are in the 3 × 3 cells around. */
  private readonly cells = new Map<number, Set<string>>();
  private obstacles: readonly ScreenRect[] = [];

  /** Where the team is drawn away from its place (0, 0: at its place). */
  offsetOf(id: string): TeamOffset {
    return this.offsets.get(id) ?? NO_OFFSET;
  }

  /** Places every team anew against these obstacles; answers every team's offset. */
  placeAll(teams: readonly ScreenPoint[], obstacles: readonly ScreenRect[]): Map<string, TeamOffset> {
    this.points.clear();
    this.cells.clear();
    this.offsets.clear();
    this.obstacles = obstacles;
    for (const team of teams) this.put(team);
    for (const [id, offset] of placeTeams(teams, obstacles)) this.offsets.set(id, offset);
    return new Map(teams.map((team) => [team.id, this.offsetOf(team.id)]));
  }

  /**
   * Teams that moved (or came into view) to their new points, and those gone (out of view,
   * removed): places again the clusters of teams they left and joined, against the obstacles of
   * the last `placeAll`. Answers the offsets that changed (gone teams are not in it).
   */
  placeMoved(moved: readonly ScreenPoint[], gone: readonly string[] = []): Map<string, TeamOffset> {
    const seeds = new Set<string>();
    for (const id of [...gone, ...moved.map((team) => team.id)]) {
      const old = this.points.get(id);
      if (!old) continue;
      // Its old neighbours: they may have lost their column, or their column's anchor.
      this.near(old, (near) => seeds.add(near));
      this.take(old);
    }
    for (const id of gone) {
      seeds.delete(id);
      this.offsets.delete(id);
    }
    for (const team of moved) {
      this.put(team);
      seeds.add(team.id);
    }
    // Everything linked to a seed by teams within TEAM_GROUP_PX of one another, where they are now;
    // past half of the teams (a crowded view: one cluster links most of them) all are placed again,
    // which costs less than the search.
    const affected = new Set<string>();
    const queue = [...seeds].filter((id) => this.points.has(id));
    for (const id of queue) affected.add(id);
    const enough = this.points.size / 2;
    while (queue.length && affected.size <= enough) {
      this.near(this.points.get(queue.pop()!)!, (near) => {
        if (affected.has(near)) return;
        affected.add(near);
        queue.push(near);
      });
    }
    const teams = affected.size > enough ? [...this.points.values()] : [...affected].map((id) => this.points.get(id)!);
    const placed = placeTeams(teams, this.obstacles);
    const changed = new Map<string, TeamOffset>();
    for (const team of teams) {
      const before = this.offsetOf(team.id);
      const after = placed.get(team.id) ?? NO_OFFSET;
      if (after === NO_OFFSET) this.offsets.delete(team.id);
      else this.offsets.set(team.id, after);
      if (before.dx !== after.dx || before.dy !== after.dy) changed.set(team.id, after);
    }
    return changed;
  }

  private cellOf(x: number, y: number): number {
    // Two 16-bit halves: layer points stay well within ±32,768 cells of 22 px.
    return (Math.floor(x / TEAM_GROUP_PX) + 32_768) * 65_536 + (Math.floor(y / TEAM_GROUP_PX) + 32_768);
  }

  private put(team: ScreenPoint): void {
    this.points.set(team.id, team);
    const cell = this.cellOf(team.x, team.y);
    let members = this.cells.get(cell);
    if (!members) this.cells.set(cell, (members = new Set()));
    members.add(team.id);
  }

  private take(team: ScreenPoint): void {
    this.points.delete(team.id);
    const cell = this.cellOf(team.x, team.y);
    const members = this.cells.get(cell);
    members?.delete(team.id);
    if (members?.size === 0) this.cells.delete(cell);
  }

  /** Calls `found` with each team closer than `TEAM_GROUP_PX` on both axes (the distance at which `groupsOf` joins them), the point's own id left out. */
  private near(point: ScreenPoint, found: (id: string) => void): void {
    const cx = Math.floor(point.x / TEAM_GROUP_PX);
    const cy = Math.floor(point.y / TEAM_GROUP_PX);
    for (let ix = cx - 1; ix <= cx + 1; ix++) {
      for (let iy = cy - 1; iy <= cy + 1; iy++) {
        const members = this.cells.get((ix + 32_768) * 65_536 + (iy + 32_768));
        if (!members) continue;
        for (const id of members) {
          if (id === point.id) continue;
          const other = this.points.get(id)!;
          if (Math.abs(other.x - point.x) < TEAM_GROUP_PX && Math.abs(other.y - point.y) < TEAM_GROUP_PX) found(id);
        }
      }
    }
  }
}
