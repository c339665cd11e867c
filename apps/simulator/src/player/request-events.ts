import { randomUUID } from 'node:crypto';
import { createRequestSchema, recordHandoverSchema, requestTransitionSchema, type ScenarioRequestEvent } from '@lintas/contracts';
import type { LintasApi } from '../client/lintas-api';
import { waypointPoint } from '../scenario/route-motion';
import type { OperationTarget } from './operation-target';
import { siteId } from './operation-target';
import { clock, type Tally } from './progress';

interface RequestContext {
  target: OperationTarget;
  accounts: ReadonlyMap<string, LintasApi>;
  /** The requests this play sent, by subject: later events (and tasks answering them) name them so. */
  requestIds: Map<string, string>;
  tally: Tally;
  log: (line: string) => void;
}

/**
 * A scenario's requests between agencies, through the public API as the commanders would: send,
 * answer, record the hand-over, confirm it. Each call carries a client id kept across its retries,
 * so a retry applies once.
 */
export async function postRequestEvent(event: ScenarioRequestEvent, context: RequestContext): Promise<void> {
  const { target, accounts, requestIds, tally, log } = context;
  const api = accounts.get(event.by) as LintasApi;
  const operationId = target.operation.id;
  const stamp = `[t+${clock(event.at)}] ${event.by.split('@')[1]?.split('.')[0]?.toUpperCase().padEnd(14) ?? ''} ${event.kind.padEnd(14)}`;
  try {
    if (event.kind === 'request') {
      const toAgencyId = target.agencyIds.get(event.to);
      if (!toAgencyId) throw new Error(`agency ${event.to} does not take part in operation ${target.operation.code}`);
      let place: { lat: number | null; lon: number | null; siteId: string | null } = { lat: null, lon: null, siteId: null };
      if (event.place) {
        const { lat, lon } = waypointPoint(event.place);
        place = { lat, lon, siteId: event.place.site ? await siteId(target, api, event.place.site) : null };
      }
      const body = createRequestSchema.parse({
        clientId: randomUUID(),
        toAgencyId,
        kind: event.requestKind,
        subject: event.subject,
        details: event.details,
        ...place,
        answerWithinSeconds: event.answerWithin,
        marking: event.marking,
      });
      const request = await api.call<{ id: string }>((client) => client.POST('/api/operations/{operationId}/requests', { params: { path: { operationId } }, body }), { retries: 4 });
      requestIds.set(event.subject, request.id);
      log(`${stamp} "${event.subject}" → ${event.to}`);
    } else {
      const requestId = requestIds.get(event.subject);
      if (!requestId) throw new Error(`no request "${event.subject}" was sent earlier in this play`);
      const path = { params: { path: { operationId, requestId } } };
      if (event.kind === 'request-update') {
        const body = requestTransitionSchema.parse({ clientId: randomUUID(), to: event.to, ...(event.reason ? { reason: event.reason } : {}) });
        await api.call((client) => client.POST('/api/operations/{operationId}/requests/{requestId}/transitions', { ...path, body }), { retries: 4 });
        log(`${stamp} "${event.subject}" ${event.to}`);
      } else if (event.kind === 'handover') {
        const { kind: _kind, at: _at, by: _by, subject: _subject, ...content } = event;
        const body = recordHandoverSchema.parse({ clientId: randomUUID(), ...content });
        await api.call((client) => client.POST('/api/operations/{operationId}/requests/{requestId}/handover', { ...path, body }), { retries: 4 });
        const persons = Object.values(event.persons).reduce((sum, n) => sum + n, 0);
        log(`${stamp} "${event.subject}" hand-over recorded: ${persons} person(s), ${event.documents} document(s)`);
      } else {
        await api.call((client) => client.POST('/api/operations/{operationId}/requests/{requestId}/handover/confirm', { ...path, body: { clientId: randomUUID() } }), { retries: 4 });
        log(`${stamp} "${event.subject}" hand-over confirmed by ${event.by}`);
      }
    }
    tally.requestEvents++;
  } catch (error) {
    tally.requestEventsFailed++;
    log(`${stamp} FAILED: ${(error as Error).message}`);
  }
}
