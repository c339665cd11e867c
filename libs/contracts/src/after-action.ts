import type { OperationEvent } from './events';
import type { Operation } from './operations';
import type { Marking } from './marking';
import { mostRestrictive } from './marking';
import type { Language, TimeDisplay } from './languages';
import type { OperationLessons } from './lessons';
import type { ReplayMark, ReplayTrack } from './replay';
import type { Report } from './reports';
import type { Team } from './teams';

/** The figures of an after-action report, computed from the reports and teams the reader may see. */
export interface AfterActionFigures {
  interceptions: number;
  persons: { total: number; minors: number; presumedVictims: number; suspects: number };
  /** Nationalities named by interceptions, with how many interceptions name each. */
  nationalities: { code: string; interceptions: number }[];
  /** Documents seized (interceptions), alerts raised, and the document checks against stolen and lost documents lists. */
  documents: { seized: number; alerts: number; checked: number; potentialHits: number; confirmedHits: number };
  reportsByKind: { kind: Report['kind']; count: number }[];
  verified: number;
  rejected: number;
  /** Median minutes from `occurredAt` to `receivedAt`, or null without reports. */
  medianMinutesToReport: number | null;
  /** Median minutes from `receivedAt` to the verdict, or null without verdicts. */
  medianMinutesToVerdict: number | null;
  teams: { teamId: string; callSign: string; agencyCode: string; reports: number; positions: number }[];
}

/** A line of the report's timeline of key events. */
export interface AfterActionEvent {
  seq: number;
  at: string;
  kind: ReplayMark['kind'] | 'interception';
  /** What the line is about: a report's title, a team's call sign, the operation's name. */
  subject: string;
  /** The status reached, for status changes and verdicts. */
  status: string | null;
  marking: Marking;
}

/** The lines of the report's timeline: interceptions, alerts, verdicts and status changes. */
export function afterActionTimeline(events: readonly OperationEvent[], marks: readonly ReplayMark[]): AfterActionEvent[] {
  const kinds = new Map(marks.map((mark) => [mark.seq, mark.kind]));
  const lines: AfterActionEvent[] = [];
  for (const event of events) {
    const base = { seq: event.seq, at: event.at, marking: event.marking };
    const kind = kinds.get(event.seq);
    if (event.type === 'report.created' && event.report.kind === 'interception') {
      lines.push({ ...base, kind: 'interception', subject: event.report.title, status: null });
    } else if (kind && (event.type === 'report.created' || event.type === 'report.updated')) {
      lines.push({ ...base, kind, subject: event.report.title, status: kind === 'verdict' ? event.report.status : null });
    } else if (kind === 'team-status' && (event.type === 'team.created' || event.type === 'team.updated')) {
      lines.push({ ...base, kind, subject: event.team.callSign, status: event.team.status });
    } else if (kind === 'operation-status' && event.type === 'operation.updated') {
      const previous = lines.findLast((line) => line.kind === 'operation-status');
      if (previous?.status !== event.operation.status) lines.push({ ...base, kind, subject: event.operation.name, status: event.operation.status });
    }
  }
  return lines;
}

/** Everything the print page draws: the caller's view only, assembled and filtered by the API. */
export interface AfterActionData {
  generatedAt: string;
  generatedBy: { name: string; agencyCode: string };
  period: { from: string; to: string };
  operation: Operation;
  figures: AfterActionFigures;
  timeline: AfterActionEvent[];
  lessons: OperationLessons | null;
  reports: Report[];
  teams: Team[];
  tracks: ReplayTrack[];
  /** The most restrictive marking of everything above: printed on every page. */
  marking: Marking;
  /** The report's language: the one asked for, else the caller's saved one, else English. */
  lang: Language;
  /** Times in UTC, or in `timeZone`: the one asked for, else the caller's saved choice. */
  timeDisplay: TimeDisplay;
  /** The IANA zone of `local` times: the reader's (asked for), else the operation's. */
  timeZone: string;
}

/** Document checks of the period as the reader may see them (`DocumentCheckFiguresRow`s summed). */
export interface DocumentCheckTotals {
  checks: number;
  potentialHits: number;
  confirmedHits: number;
}

export function afterActionFigures(
  reports: readonly Report[],
  teams: readonly Team[],
  positionsByTeam: ReadonlyMap<string, number>,
  checks: DocumentCheckTotals = { checks: 0, potentialHits: 0, confirmedHits: 0 },
): AfterActionFigures {
  const persons = { total: 0, minors: 0, presumedVictims: 0, suspects: 0 };
  const nationalities = new Map<string, number>();
  const byKind = new Map<Report['kind'], number>();
  const reportsByTeam = new Map<string, number>();
  let interceptions = 0;
  let seized = 0;
  let alerts = 0;
  let verified = 0;
  let rejected = 0;
  const toReport: number[] = [];
  const toVerdict: number[] = [];
  for (const report of reports) {
    byKind.set(report.kind, (byKind.get(report.kind) ?? 0) + 1);
    if (report.teamId) reportsByTeam.set(report.teamId, (reportsByTeam.get(report.teamId) ?? 0) + 1);
    if (report.kind === 'alert') alerts += 1;
    if (report.status === 'verified') verified += 1;
    if (report.status === 'rejected') rejected += 1;
    toReport.push((Date.parse(report.receivedAt) - Date.parse(report.occurredAt)) / 60_000);
    if (report.statusAt && report.status !== 'reported') toVerdict.push((Date.parse(report.statusAt) - Date.parse(report.receivedAt)) / 60_000);
    const counts = report.interception;
    if (report.kind !== 'interception' || !counts) continue;
    interceptions += 1;
    persons.total += counts.persons;
    persons.minors += counts.minors ?? 0;
    persons.presumedVictims += counts.presumedVictims ?? 0;
    persons.suspects += counts.suspects ?? 0;
    seized += counts.documentsSeized ?? 0;
    for (const code of counts.nationalities ?? []) nationalities.set(code, (nationalities.get(code) ?? 0) + 1);
  }
  return {
    interceptions,
    persons,
    nationalities: [...nationalities].map(([code, count]) => ({ code, interceptions: count })).sort((a, b) => b.interceptions - a.interceptions || a.code.localeCompare(b.code)),
    documents: { seized, alerts, checked: checks.checks, potentialHits: checks.potentialHits, confirmedHits: checks.confirmedHits },
    reportsByKind: [...byKind].map(([kind, count]) => ({ kind, count })).sort((a, b) => a.kind.localeCompare(b.kind)),
    verified,
    rejected,
    medianMinutesToReport: median(toReport),
    medianMinutesToVerdict: median(toVerdict),
    teams: teams
      .map((team) => ({ teamId: team.id, callSign: team.callSign, agencyCode: team.agency.code, reports: reportsByTeam.get(team.id) ?? 0, positions: positionsByTeam.get(team.id) ?? 0 }))
      .sort((a, b) => a.callSign.localeCompare(b.callSign)),
  };
}

/** The marking every page of the report carries: the most restrictive of what it contains (TLP:CLEAR when it contains nothing marked). */
export function afterActionMarking(items: Iterable<{ marking: Marking }>): Marking {
  return mostRestrictive([...items].map((item) => item.marking)) ?? 'TLP:CLEAR';
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}
