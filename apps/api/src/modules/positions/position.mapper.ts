import type { Marking, TeamPosition } from '@lintas/contracts';

export interface PositionRow {
  team_id: string;
  lat: number;
  lon: number;
  heading: number | null;
  speed: number | null;
  accuracy: number | null;
  at: Date;
}

/** The team as the marking rule and the fan-out see it. */
export interface TeamMarking {
  id: string;
  operationId: string;
  /** The team's agency originates its positions. */
  originAgencyId: string;
  marking: Marking;
  recipientAgencyIds: string[];
}

export function toTeamPosition(row: PositionRow): TeamPosition {
  return {
    teamId: row.team_id,
    lat: row.lat,
    lon: row.lon,
    heading: row.heading,
    speed: row.speed,
    accuracy: row.accuracy,
    at: new Date(row.at).toISOString(),
  };
}
