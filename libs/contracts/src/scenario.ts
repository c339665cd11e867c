import { z } from 'zod';
import { REQUEST_KINDS, TASK_KINDS, TEAM_STATUSES } from './enums';
import { MARKINGS } from './marking';
import { latitudeSchema, longitudeSchema } from './geo';
import { nameSchema, narrativeSchema, textSchema } from './common';
import { interceptionDetailsSchema } from './reports';
import { createTeamSchema } from './teams';
import { handoverContentSchema } from './requests';
import { recipientsAllowed } from './policy/recipients';

/**
 * An exercise scenario, as the scenario player reads it from a JSON or YAML file: simulated field
 * teams moving along routes between border sites, and events scheduled at offsets from the start.
 * The player drives an exercise operation with it through the public API only.
 *
 * Offsets and durations are scenario time; `--speed` compresses them. Site codes are the stable
 * slugs of the ASEAN border-site list (`kh-bavet`, `th-sadao`, …); whether a code exists is checked
 * by the player against that list, not here (contracts carry no data).
 */

const MAX_SCENARIO_SECONDS = 7 * 24 * 3600;

/** Seconds, as a number or a duration such as `90s`, `5m`, `1h30m`, `2m15s`. */
export const scenarioDurationSchema = z.union([
  z.number().min(0, 'must not be negative').max(MAX_SCENARIO_SECONDS, 'must be at most 7 days'),
  z
    .string()
    .trim()
    .regex(/^(?=\d)(\d+h)?(\d+m)?(\d+(\.\d+)?s)?$/, 'must be seconds or a duration such as 90s, 5m, 1h30m')
    .transform((text) => {
      const [, h = '0', m = '0', s = '0'] = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text) ?? [];
      return Number(h) * 3600 + Number(m) * 60 + Number(s);
    })
    .pipe(z.number().max(MAX_SCENARIO_SECONDS, 'must be at most 7 days')),
]);

export const siteCodeSchema = z.string().regex(/^[a-z]{2}-[a-z0-9-]{2,60}$/, 'must be a site code such as kh-bavet');

const agencyCodeSchema = z.string().regex(/^[A-Z0-9-]{2,16}$/, 'must be an agency code');

const commanderEmailSchema = z.string().trim().toLowerCase().pipe(z.email('must be the e-mail of a commander account'));

const speedKmhSchema = z.number().gt(0, 'must be above 0').max(200, 'must be at most 200 km/h');

/** A point of a route: a border site by code, or a latitude and longitude. */
export const scenarioWaypointSchema = z
  .strictObject({
    site: siteCodeSchema.optional(),
    lat: latitudeSchema.optional(),
    lon: longitudeSchema.optional(),
    /** Speed travelling to this waypoint from the previous one; the team's speed when absent. */
    speedKmh: speedKmhSchema.optional(),
    /** Time spent at this waypoint before moving on. */
    dwell: scenarioDurationSchema.default(0),
  })
  .superRefine(placeRule);
export type ScenarioWaypoint = z.infer<typeof scenarioWaypointSchema>;

export const scenarioTeamSchema = z.strictObject({
  callSign: createTeamSchema.shape.callSign,
  /** Persons in the team, used when the player deploys it. */
  size: createTeamSchema.shape.size.default(4),
  /** The team's marking, used when the player deploys it. */
  marking: z.enum(MARKINGS).default('TLP:GREEN'),
  /** E-mail of the field account that drives this team; it must be a member of the team. */
  account: z.string().trim().toLowerCase().pipe(z.email('must be the e-mail of a field account')),
  /** Travel speed between waypoints when a waypoint gives none. */
  speedKmh: speedKmhSchema.default(30),
  /** Scenario time between two position posts. */
  positionEvery: scenarioDurationSchema.pipe(z.number().min(1, 'must be at least 1 second')).default(15),
  /** Walk the route back and forth until the scenario ends, instead of stopping at its end. */
  patrol: z.boolean().default(false),
  route: z.array(scenarioWaypointSchema).min(1, 'a team needs at least one waypoint').max(500),
});
export type ScenarioTeam = z.infer<typeof scenarioTeamSchema>;

/** Where a scheduled report happened: a site, a point, or (by default) where its team is then. */
const placeSchema = z.union([
  z.literal('team'),
  z.strictObject({ site: siteCodeSchema.optional(), lat: latitudeSchema.optional(), lon: longitudeSchema.optional() }).superRefine(placeRule),
]);

const eventBase = {
  /** Offset from the start of the scenario. */
  at: scenarioDurationSchema,
  /** Call sign of the team whose account posts the event. */
  team: createTeamSchema.shape.callSign,
};

const markedReport = {
  title: nameSchema,
  narrative: narrativeSchema.default(''),
  place: placeSchema.default('team'),
  marking: z.enum(MARKINGS).default('TLP:AMBER'),
  /** For TLP:RED only: codes of the participating agencies the originator names. */
  recipients: z.array(agencyCodeSchema).max(50).default([]),
};

export const scenarioEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('interception'), ...eventBase, ...markedReport, interception: interceptionDetailsSchema }),
  z.strictObject({ kind: z.literal('sitrep'), ...eventBase, ...markedReport }),
  z.strictObject({ kind: z.literal('status'), ...eventBase, status: z.enum(TEAM_STATUSES) }),
  /** A hit of a travel document against a stolen and lost documents list: posted as an alert. */
  z.strictObject({
    kind: z.literal('document-check'),
    ...eventBase,
    ...markedReport,
    title: nameSchema.optional(),
    document: z.strictObject({
      type: z.enum(['passport', 'identity_card', 'visa', 'travel_document']),
      issuingCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
      /** The last characters only: a scenario never carries a whole document number. */
      numberEnding: z.string().regex(/^[A-Z0-9]{2,4}$/, 'must be the last 2–4 letters or digits').optional(),
    }),
    list: textSchema.trim().min(1).max(32).default('SLTD'),
  }),
  /**
   * A commander (`by`, one of the scenario's commanders) gives `team` a task; `task-update` events
   * name it by its title. Where: a site, a point, or where the team is then.
   */
  z.strictObject({
    kind: z.literal('task'),
    ...eventBase,
    by: z.string().trim().toLowerCase().pipe(z.email('must be the e-mail of a commander account')),
    taskKind: z.enum(TASK_KINDS).default('move_to'),
    title: nameSchema,
    instructions: narrativeSchema.default(''),
    place: placeSchema.default('team'),
    marking: z.enum(MARKINGS).default('TLP:AMBER'),
    /** How long the team has to acknowledge it (scenario time is not applied: it is the API's deadline). */
    ackWithin: scenarioDurationSchema.pipe(z.number().min(30, 'must be at least 30 seconds')).default(300),
    /** The subject of an accepted request this task answers (given earlier in the play; `by` is a commander of the receiving agency). */
    request: nameSchema.optional(),
  }),
  /** The team's account moves the task it was given under `title`. */
  z.strictObject({
    kind: z.literal('task-update'),
    ...eventBase,
    title: nameSchema,
    to: z.enum(['acknowledged', 'in_progress', 'done', 'unable']),
    reason: textSchema.trim().max(2000).optional(),
  }),
  /**
   * Requests between agencies, named by their subject: a commander (`by`) of one agency asks
   * another (`to`, an agency code); the other side's commander answers (`request-update`); either
   * side records the hand-over (`handover`) and each side confirms it (`handover-confirm`). No team
   * posts these: they are commanders' acts.
   */
  z.strictObject({
    kind: z.literal('request'),
    at: scenarioDurationSchema,
    by: commanderEmailSchema,
    to: agencyCodeSchema,
    requestKind: z.enum(REQUEST_KINDS).default('assist'),
    subject: nameSchema,
    details: narrativeSchema.default(''),
    place: z.strictObject({ site: siteCodeSchema.optional(), lat: latitudeSchema.optional(), lon: longitudeSchema.optional() }).superRefine(placeRule).optional(),
    marking: z.enum(MARKINGS).default('TLP:AMBER'),
    /** How long the other agency has to answer (the API's deadline, not scenario time). */
    answerWithin: scenarioDurationSchema.pipe(z.number().min(60, 'must be at least 60 seconds')).default(900),
  }),
  z.strictObject({
    kind: z.literal('request-update'),
    at: scenarioDurationSchema,
    by: commanderEmailSchema,
    subject: nameSchema,
    to: z.enum(['accepted', 'declined', 'cancelled', 'completed']),
    reason: textSchema.trim().max(2000).optional(),
  }),
  z.strictObject({ kind: z.literal('handover'), at: scenarioDurationSchema, by: commanderEmailSchema, subject: nameSchema, ...handoverContentSchema.shape }),
  z.strictObject({ kind: z.literal('handover-confirm'), at: scenarioDurationSchema, by: commanderEmailSchema, subject: nameSchema }),
]);
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;
/** The events a team's account posts (every kind but the requests between agencies). */
export type ScenarioTeamEvent = Extract<ScenarioEvent, { team: string }>;
export type ScenarioRequestEvent = Exclude<ScenarioEvent, ScenarioTeamEvent>;

export function isScenarioRequestEvent(event: ScenarioEvent): event is ScenarioRequestEvent {
  return !('team' in event);
}
export type ScenarioEventKind = ScenarioEvent['kind'];

/** A place is a site or a point: one of the two, and a point has both coordinates. */
function placeRule(place: { site?: string; lat?: number; lon?: number }, ctx: z.RefinementCtx): void {
  const point = place.lat !== undefined || place.lon !== undefined;
  if (place.site !== undefined && point) {
    ctx.addIssue({ code: 'custom', path: ['site'], message: 'give either a site or lat and lon, not both' });
  } else if (place.site === undefined && !point) {
    ctx.addIssue({ code: 'custom', path: [], message: 'needs a site code or lat and lon' });
  } else if (point && (place.lat === undefined || place.lon === undefined)) {
    ctx.addIssue({ code: 'custom', path: [place.lat === undefined ? 'lat' : 'lon'], message: 'lat and lon go together' });
  }
}

export const scenarioSchema = z
  .strictObject({
    /** Slug used to pick the scenario by name. */
    name: z.string().regex(/^[a-z0-9-]{3,64}$/, 'must be a lower-case slug'),
    title: nameSchema,
    description: narrativeSchema.default(''),
    /** Code of the operation the scenario drives unless `--operation` names another. */
    operation: z.string().trim().regex(/^[A-Z0-9-]{3,32}$/, 'must be an operation code such as OP-MEKONG-24'),
    /**
     * Commander accounts that deploy the scenario's teams the operation does not have yet: for
     * each missing team, the commander of its field account's agency. Optional when the teams exist.
     */
    commanders: z.array(z.string().trim().toLowerCase().pipe(z.email('must be the e-mail of a commander account'))).max(20).default([]),
    /** Scenario length; by default when the last event and the longest route end. */
    duration: scenarioDurationSchema.optional(),
    teams: z.array(scenarioTeamSchema).min(1, 'a scenario needs at least one team').max(100),
    events: z.array(scenarioEventSchema).max(5000).default([]),
  })
  .superRefine((scenario, ctx) => {
    const callSigns = new Set<string>();
    scenario.teams.forEach((team, index) => {
      if (callSigns.has(team.callSign)) {
        ctx.addIssue({ code: 'custom', path: ['teams', index, 'callSign'], message: `call sign ${team.callSign} is used by two teams` });
      }
      callSigns.add(team.callSign);
    });
    const requestSubjects = new Set<string>();
    scenario.events.forEach((event, index) => {
      if (event.kind === 'request') {
        if (requestSubjects.has(event.subject)) ctx.addIssue({ code: 'custom', path: ['events', index, 'subject'], message: `two requests have the subject "${event.subject}"` });
        requestSubjects.add(event.subject);
      }
      if ('team' in event && !callSigns.has(event.team)) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'team'], message: `no team has the call sign ${event.team}` });
      }
      if ('by' in event && !scenario.commanders.includes(event.by)) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'by'], message: `${event.by} is not one of the scenario's commanders` });
      }
      if ('recipients' in event && !recipientsAllowed(event.marking, event.recipients)) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'recipients'], message: 'recipients are named only for TLP:RED' });
      }
      if (scenario.duration !== undefined && event.at > scenario.duration) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'at'], message: `is after the end of the scenario (${scenario.duration} s)` });
      }
    });
  });
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
