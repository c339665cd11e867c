import type { Marking, Polygon, Report, Site, Team, TeamPosition } from '@lintas/contracts';

/** The operation an export is of, as every format names it. */
export interface ExportedOperation {
  id: string;
  code: string;
  name: string;
  exercise: boolean;
}

export interface TeamTrack {
  team: Team;
  /** Oldest first. */
  positions: TeamPosition[];
}

/**
 * What one export holds, already cut to what the user may see and to the filters. Small parts
 * (area, sites, teams) are loaded; reports and tracks are read from the database as the writer
 * pulls them, a page at a time, so that a large operation never sits in memory.
 */
export interface ExportContent {
  operation: ExportedOperation;
  /** The most restrictive marking of the items in the file (TLP:CLEAR when it holds none). */
  marking: Marking;
  generatedAt: Date;
  /** Who exported it, for the file's header: "KH-GDI / Sok Dara". */
  exportedBy: string;
  area: Polygon | null;
  sites: Site[];
  teams: Team[];
  tracks: () => AsyncIterable<TeamTrack>;
  reports: () => AsyncIterable<Report[]>;
}

/** The marking line every format carries at its top: `TLP:AMBER // EXERCISE // EX-SADAO-SHIELD`. */
export function bannerOf(content: ExportContent): string {
  return [content.marking, content.operation.exercise ? 'EXERCISE' : null, content.operation.code].filter(Boolean).join(' // ');
}
