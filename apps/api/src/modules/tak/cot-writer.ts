import type { Marking, Polygon, Report, ReportKind, Site, Team } from '@lintas/contracts';
import { xmlEscape as x } from '../exports/xml-text';

/**
 * Cursor on Target events (CoT 2.0 XML, as ATAK, WinTAK and iTAK read them) for Lintas's items.
 * A small writer: the tests parse every event it writes with @tak-ps/node-cot, which checks it
 * against that library's CoT schema. TAK has no per-item markings, so the marking goes into the
 * event's `access` attribute and at the head of its `<remarks>`; an exercise sets `opex="e"`.
 */
export interface CotContext {
  exercise: boolean;
  now: Date;
  /** How long a client keeps the item before it greys out. */
  staleMs: number;
}

export const LINTAS_UID_PREFIX = 'lintas';
const UNKNOWN = '9999999.0';
/** ARGB as a signed 32-bit integer, as TAK writes colours. */
const KIND_COLOURS: Readonly<Record<ReportKind, number>> = { interception: -32768, sitrep: -16744193, alert: -65536 };

export function teamUid(teamId: string): string {
  return `${LINTAS_UID_PREFIX}-team-${teamId}`;
}

export function teamCot(team: Team, context: CotContext): string | null {
  const position = team.lastPosition;
  if (!position) return null;
  const at = new Date(position.at);
  const track =
    position.heading !== null || position.speed !== null ? `<track course="${position.heading ?? 0}" speed="${position.speed ?? 0}"/>` : '';
  return event({
    uid: teamUid(team.id),
    type: 'a-f-G-U-C',
    how: 'm-g',
    time: context.now,
    start: at,
    stale: new Date(context.now.getTime() + context.staleMs),
    marking: team.marking,
    exercise: context.exercise,
    lat: position.lat,
    lon: position.lon,
    ce: position.accuracy,
    detail:
      `<contact callsign="${x(team.callSign)}"/><__group name="Cyan" role="Team Member"/>${track}` +
      `<remarks>${x(remarks(team.marking, context.exercise, `${team.agency.code} team ${team.callSign}, ${team.status}, ${team.size} officers`))}</remarks>`,
  });
}

export function reportCot(report: Report, context: CotContext): string | null {
  if (report.lat === null || report.lon === null) return null;
  const summary = `${report.originAgency.code} ${report.kind}, ${report.status}, occurred ${report.occurredAt}: ${report.title}. ${report.narrative}`;
  return event({
    uid: reportUid(report.id),
    type: 'b-m-p-s-m',
    how: 'h-e',
    time: context.now,
    start: new Date(report.occurredAt),
    stale: new Date(context.now.getTime() + context.staleMs),
    marking: report.marking,
    exercise: context.exercise,
    lat: report.lat,
    lon: report.lon,
    ce: null,
    detail:
      `<contact callsign="${x(report.title.slice(0, 80))}"/><color argb="${KIND_COLOURS[report.kind]}"/>` +
      `<remarks>${x(remarks(report.marking, context.exercise, summary))}</remarks>`,
  });
}

export function siteCot(site: Site, context: CotContext): string {
  return event({
    uid: `${LINTAS_UID_PREFIX}-site-${site.id}`,
    type: 'b-m-p-w',
    how: 'h-e',
    time: context.now,
    start: context.now,
    stale: new Date(context.now.getTime() + context.staleMs),
    marking: 'TLP:CLEAR',
    exercise: context.exercise,
    lat: site.lat,
    lon: site.lon,
    ce: null,
    detail: `<contact callsign="${x(site.name)}"/><remarks>${x(remarks('TLP:CLEAR', context.exercise, `Border site ${site.code} (${site.kind}, ${site.country})`))}</remarks>`,
  });
}

/** The area of operations as a TAK drawing (a freeform shape: one `<link point>` per vertex of the outer ring). */
export function areaCot(operation: { id: string; code: string }, area: Polygon, marking: Marking, context: CotContext): string {
  const outer = area.coordinates[0];
  const vertices = outer.slice(0, -1);
  const lat = vertices.reduce((sum, [, y]) => sum + y, 0) / vertices.length;
  const lon = vertices.reduce((sum, [lonOf]) => sum + lonOf, 0) / vertices.length;
  return event({
    uid: `${LINTAS_UID_PREFIX}-area-${operation.id}`,
    type: 'u-d-f',
    how: 'h-e',
    time: context.now,
    start: context.now,
    stale: new Date(context.now.getTime() + context.staleMs),
    marking,
    exercise: context.exercise,
    lat,
    lon,
    ce: null,
    detail:
      outer.map(([vertexLon, vertexLat]) => `<link point="${vertexLat},${vertexLon}"/>`).join('') +
      `<strokeColor value="-65536"/><strokeWeight value="3"/><fillColor value="285147136"/>` +
      `<contact callsign="${x(`AO ${operation.code}`)}"/><remarks>${x(remarks(marking, context.exercise, `Area of operations ${operation.code}`))}</remarks>`,
  });
}

/** Tells TAK clients to remove an item they hold (`t-x-d-d`, forced): a report no longer released to them. */
export function deleteCot(targetUid: string, now: Date): string {
  return event({
    uid: `${LINTAS_UID_PREFIX}-delete-${targetUid}`,
    type: 't-x-d-d',
    how: 'h-g-i-g-o',
    time: now,
    start: now,
    stale: new Date(now.getTime() + 20_000),
    marking: null,
    exercise: false,
    lat: 0,
    lon: 0,
    ce: null,
    detail: `<link uid="${x(targetUid)}" relation="none" type="none"/><__forcedelete/>`,
  });
}

export function reportUid(reportId: string): string {
  return `${LINTAS_UID_PREFIX}-report-${reportId}`;
}

/** A ping's answer (`t-x-c-t-r`), as TAK servers answer a client's `t-x-c-t`. */
export function pongCot(now: Date): string {
  return event({
    uid: 'takPong',
    type: 't-x-c-t-r',
    how: 'h-g-i-g-o',
    time: now,
    start: now,
    stale: new Date(now.getTime() + 20_000),
    marking: null,
    exercise: false,
    lat: 0,
    lon: 0,
    ce: null,
    detail: '',
  });
}

function remarks(marking: Marking, exercise: boolean, text: string): string {
  return `[${marking}]${exercise ? ' EXERCISE' : ''} ${text}`;
}

function event(e: {
  uid: string;
  type: string;
  how: string;
  time: Date;
  start: Date;
  stale: Date;
  marking: Marking | null;
  exercise: boolean;
  lat: number;
  lon: number;
  ce: number | null;
  detail: string;
}): string {
  const access = e.marking ? ` access="${x(e.marking)}"` : '';
  const opex = e.exercise ? ' opex="e"' : '';
  const start = e.start.getTime() > e.stale.getTime() ? e.time : e.start;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<event version="2.0" uid="${x(e.uid)}" type="${e.type}" how="${e.how}" time="${e.time.toISOString()}" start="${start.toISOString()}" stale="${e.stale.toISOString()}"${access}${opex}>` +
    `<point lat="${e.lat}" lon="${e.lon}" hae="${UNKNOWN}" ce="${e.ce ?? UNKNOWN}" le="${UNKNOWN}"/>` +
    `<detail>${e.detail}</detail></event>`
  );
}
