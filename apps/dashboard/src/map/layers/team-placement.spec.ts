import { describe, expect, it } from 'vitest';
import { placeTeams, type ScreenRect, TEAM_HALF_PX } from './team-placement';

const glyphRect = (x: number, y: number): ScreenRect => ({ left: x - TEAM_HALF_PX, top: y - TEAM_HALF_PX, right: x + TEAM_HALF_PX, bottom: y + TEAM_HALF_PX });
const overlap = (a: ScreenRect, b: ScreenRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Where each team is drawn. */
function drawn(teams: { id: string; x: number; y: number }[], obstacles: ScreenRect[]): Map<string, ScreenRect> {
  const offsets = placeTeams(teams, obstacles);
  return new Map(teams.map((team) => [team.id, glyphRect(team.x + (offsets.get(team.id)?.dx ?? 0), team.y + (offsets.get(team.id)?.dy ?? 0))]));
}

describe('placeTeams', () => {
  it('leaves a team alone when nothing touches it', () => {
    expect(placeTeams([{ id: 'a', x: 100, y: 100 }], [{ left: 200, top: 200, right: 240, bottom: 240 }]).size).toBe(0);
  });

  it('fans teams on one place out into a column right of it, none covering another', () => {
    const teams = ['c', 'a', 'b'].map((id) => ({ id, x: 300, y: 300 }));
    const rects = drawn(teams, []);
    const placed = [...rects.values()];
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlap(placed[i], placed[j])).toBe(false);
    for (const rect of placed) expect(rect.left).toBeGreaterThan(300); // the place itself (the site's symbol) stays clear
    // In id order, top to bottom: the same teams get the same places whatever their order.
    expect(rects.get('a')!.top).toBeLessThan(rects.get('b')!.top);
    expect(placeTeams(teams, [])).toEqual(placeTeams([...teams].reverse(), []));
  });

  it('keeps teams clear of a cluster and the report markers fanned out around the same place', () => {
    const cluster = { left: 300 - 21, top: 300 - 27, right: 300 + 29, bottom: 300 + 21 };
    const fanned = [
      { left: 300 - 15, top: 300 - 37, right: 300 + 15, bottom: 300 - 7 },
      { left: 300 + 7, top: 300 - 15, right: 300 + 37, bottom: 300 + 15 },
    ];
    const teams = [
      { id: 'one', x: 300, y: 300 },
      { id: 'two', x: 301, y: 299 },
      { id: 'near', x: 320, y: 310 },
    ];
    const obstacles = [cluster, ...fanned];
    for (const rect of drawn(teams, obstacles).values()) for (const obstacle of obstacles) expect(overlap(rect, obstacle)).toBe(false);
  });

  it('moves a single team off a report marker it sits on', () => {
    const marker = { left: 90, top: 90, right: 110, bottom: 110 };
    const rect = drawn([{ id: 'a', x: 100, y: 100 }], [marker]).get('a')!;
    expect(overlap(rect, marker)).toBe(false);
    expect(rect.left - marker.right).toBeLessThan(10); // just beside it, not far away
  });
});
