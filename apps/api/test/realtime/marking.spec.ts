import type { Marking } from '@lintas/contracts';
import { arrangeOperation } from '../support/arrange-operation';
import { Fixtures, signIn } from '../support/fixtures';
import { http } from '../support/http';
import { appendEvent, connectOps, Feed, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The live feed and the catch-up deliver exactly what the handling-marking rule allows each kind of
 * viewer, the same as the REST event log.
 */
describe('realtime marking filter', () => {
  let t: TestApp;
  let db: Fixtures;
  const agency: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];
  let operationId: string;

  /** Seq → marking, in the order written; every item originates from ORIGIN and names RECIPIENT when RED. */
  const ROUND: Marking[] = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const name of ['LEAD', 'ORIGIN', 'PARTICIPANT', 'OBSERVER', 'RECIPIENT', 'OUTSIDER']) {
      agency[name] = (await db.agency({ code: `${name}-MK` })).id;
      const user = await db.user({ agencyId: agency[name], role: 'commander' });
      tokens[name] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    operationId = (
      await arrangeOperation(db, {
        leadAgencyId: agency.LEAD,
        members: [
          { agencyId: agency.ORIGIN, role: 'participant' },
          { agencyId: agency.PARTICIPANT, role: 'participant' },
          { agencyId: agency.OBSERVER, role: 'observer' },
          { agencyId: agency.RECIPIENT, role: 'participant' },
        ],
      })
    ).id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  const writeRound = async () => {
    for (const marking of ROUND) {
      await appendEvent(t.app, operationId, {
        marking,
        originAgencyId: agency.ORIGIN,
        recipientAgencyIds: marking === 'TLP:RED' ? [agency.RECIPIENT] : [],
      });
    }
  };

  it('each kind of viewer gets exactly its events, over the catch-up and the live stream alike, and the same as over REST', async () => {
    await writeRound(); // seqs 1–5: reach the viewers through the catch-up

    const viewers = ['ORIGIN', 'LEAD', 'PARTICIPANT', 'OBSERVER', 'RECIPIENT'];
    const feeds: Record<string, Feed> = {};
    for (const viewer of viewers) {
      const socket = await connectOps(t.baseUrl, tokens[viewer]);
      sockets.push(socket);
      feeds[viewer] = new Feed(socket);
      expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
    }
    for (const viewer of viewers) await waitUntil(() => feeds[viewer].caughtUp.length === 1, `${viewer} caught up`);

    await writeRound(); // seqs 6–10: reach them live
    // A viewer that sees everything marks the end of the fan-out of the second round.
    await waitUntil(() => feeds.ORIGIN.lastSeq === 10, 'the originator to see seq 10');
    await new Promise((resolve) => setTimeout(resolve, 100));

    // CLEAR 1/6, GREEN 2/7, AMBER 3/8, AMBER+STRICT 4/9, RED 5/10 (RED names RECIPIENT).
    const expected: Record<string, number[]> = {
      ORIGIN: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      LEAD: [1, 2, 3, 4, 6, 7, 8, 9],
      PARTICIPANT: [1, 2, 3, 6, 7, 8],
      OBSERVER: [1, 2, 6, 7],
      RECIPIENT: [1, 2, 3, 5, 6, 7, 8, 10],
    };
    for (const viewer of viewers) {
      expect({ viewer, seqs: feeds[viewer].seqs }).toEqual({ viewer, seqs: expected[viewer] });
      const caughtUp = feeds[viewer].caughtUp[0];
      expect(caughtUp).toEqual({ operationId, seq: 5, delivered: expected[viewer].filter((seq) => seq <= 5).length });

      const rest = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?sinceSeq=0&limit=500`, { token: tokens[viewer] });
      expect(rest.status).toBe(200);
      expect({ viewer, seqs: (rest.body.items as { seq: number }[]).map((event) => event.seq) }).toEqual({ viewer, seqs: expected[viewer] });
    }
  });

  it('an agency outside the operation cannot subscribe: 404, as if it did not exist', async () => {
    const socket = await connectOps(t.baseUrl, tokens.OUTSIDER);
    sockets.push(socket);
    const feed = new Feed(socket);
    expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toEqual({ ok: false, error: { status: 404, code: 'not_found', message: 'Operation not found' } });
    await appendEvent(t.app, operationId, { marking: 'TLP:CLEAR', originAgencyId: agency.LEAD });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(feed.events).toEqual([]);
  });
});
