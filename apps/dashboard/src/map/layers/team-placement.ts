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
