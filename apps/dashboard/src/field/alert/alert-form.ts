import { ALERT_KIND_TITLES, type AlertKind, type CreateReport, createReportSchema, type LatLon, type Marking } from '@lintas/contracts';
import { issueText, pathLabel } from '../issue-text';

/**
 * The field alert: a kind, an optional note and where the team is. Built into a `CreateReport`
 * of kind `alert` and checked with the contracts' schema, like every other post, before it is
 * queued in the outbox.
 */
export interface AlertInput {
  kind: AlertKind;
  note: string;
  /** Where: a GPS fix, the team's last known position, or its site; null when none is known. */
  position: LatLon | null;
  siteId: string | null;
  teamId: string;
  callSign: string;
  marking: Marking;
  clientId: string;
  now?: Date;
}

export type AlertBuild = { ok: true; report: CreateReport } | { ok: false; message: string };

export const ALERT_MARKING: Marking = 'TLP:AMBER';

export function buildAlert(input: AlertInput): AlertBuild {
  const parsed = createReportSchema.safeParse({
    clientId: input.clientId,
    kind: 'alert',
    title: `${ALERT_KIND_TITLES[input.kind]}: ${input.callSign}`.slice(0, 120),
    narrative: input.note.trim(),
    lat: input.position?.lat ?? null,
    lon: input.position?.lon ?? null,
    siteId: input.siteId,
    occurredAt: (input.now ?? new Date()).toISOString(),
    teamId: input.teamId,
    marking: input.marking,
  });
  if (parsed.success) return { ok: true, report: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: issue.path.length > 0 ? `${pathLabel(issue.path)}: ${issueText(issue)}` : issueText(issue) };
}

/**
 * The best position for a one-tap alert without waiting: a fresh GPS fix if it comes quickly,
 * else the team's last known position, else its site.
 */
export async function bestPosition(
  fix: () => Promise<LatLon>,
  fallbacks: ReadonlyArray<LatLon | null | undefined>,
): Promise<{ position: LatLon | null; source: 'gps' | 'last' | 'none' }> {
  try {
    const { lat, lon } = await fix();
    return { position: { lat, lon }, source: 'gps' };
  } catch {
    const known = fallbacks.find((candidate): candidate is LatLon => !!candidate);
    return known ? { position: { lat: known.lat, lon: known.lon }, source: 'last' } : { position: null, source: 'none' };
  }
}
