import { describe, expect, it } from 'vitest';
import { placeTeams, type ScreenRect, TEAM_HALF_PX, TeamPlacement } from './team-placement';

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

describe('TeamPlacement', () => {
  /** A small deterministic generator (the cases are the same on every run). */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  it('places again only what moves touch, with the answer a full placement gives', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const next = random(seed);
      // Crowded on purpose: teams on a 600 × 400 px screen, many within a column's reach of one another and of the obstacles.
      const where = new Map<string, { x: number; y: number }>();
      for (let i = 0; i < 120; i++) where.set(`t${String(i).padStart(3, '0')}`, { x: Math.round(next() * 600), y: Math.round(next() * 400) });
      const obstacles: ScreenRect[] = Array.from({ length: 30 }, () => {
        const x = next() * 600;
        const y = next() * 400;
        const size = 20 + next() * 30;
        return { left: x - size / 2, top: y - size / 2, right: x + size / 2, bottom: y + size / 2 };
      });
      const placement = new TeamPlacement();
      const points = () => [...where].map(([id, point]) => ({ id, ...point }));
      placement.placeAll(points(), obstacles);
      for (let round = 0; round < 8; round++) {
        const moved: { id: string; x: number; y: number }[] = [];
        const gone: string[] = [];
        for (const id of [...where.keys()]) {
          const roll = next();
          if (roll < 0.08) {
            // A step, or a jump across the screen.
            const point = roll < 0.04 ? { x: where.get(id)!.x + Math.round((next() - 0.5) * 40), y: where.get(id)!.y + Math.round((next() - 0.5) * 40) } : { x: Math.round(next() * 600), y: Math.round(next() * 400) };
            where.set(id, point);
            moved.push({ id, ...point });
          } else if (roll < 0.09) {
            where.delete(id);
            gone.push(id);
          }
        }
        if (next() < 0.5) {
          const id = `n${seed}-${round}`;
          const point = { x: Math.round(next() * 600), y: Math.round(next() * 400) };
          where.set(id, point);
          moved.push({ id, ...point });
        }
        const before = new Map([...where.keys()].map((id) => [id, placement.offsetOf(id)]));
        const changed = placement.placeMoved(moved, gone);
        const full = placeTeams(points(), obstacles);
        for (const id of where.keys()) {
          expect(`${seed}/${round} ${id} ${JSON.stringify(placement.offsetOf(id))}`).toBe(`${seed}/${round} ${id} ${JSON.stringify(full.get(id) ?? { dx: 0, dy: 0 })}`);
          // Said to have changed exactly when it did.
          const was = before.get(id)!;
          const now = placement.offsetOf(id);
          expect(changed.has(id)).toBe(was.dx !== now.dx || was.dy !== now.dy);
        }
      }
    }
  });
});
