import { randomUUID } from 'node:crypto';
import { arrangeOperation, expiredTokenOf } from '../support/arrange-operation';
import { Fixtures, signIn, signInCast, type CastMember } from '../support/fixtures';
import { http } from '../support/http';
import { appendEvent, connectOps, Feed, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** What the gateway refuses, how it says so, and access that ends while a socket is open. */
describe('realtime refusals and revocation', () => {
  let t: TestApp;
  let db: Fixtures;
  const agency: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];
  let operationId: string;
  let otherOperationId: string;

  const open = async (who: string) => {
    const socket = await connectOps(t.baseUrl, tokens[who]);
    sockets.push(socket);
    return socket;
  };
  /** A socket of a new sign-in of `email`, with what it is told. */
  const openSignedIn = async (email: string) => {
    const session = await signIn(t.baseUrl, email);
    const socket = await connectOps(t.baseUrl, session.accessToken);
    sockets.push(socket);
    return { session, socket, feed: new Feed(socket) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const code of ['KH', 'VN', 'TH']) agency[code] = (await db.agency({ code: `${code}-RF` })).id;
    const people: CastMember[] = [
      ['khCommander', 'KH', 'commander'],
      ['vnCommander', 'VN', 'commander'],
      ['vnField', 'VN', 'field'],
      ['thCommander', 'TH', 'commander'],
      ['admin', 'KH', 'admin'],
    ];
    await signInCast(db, t.baseUrl, agency, people, { users, tokens });
    operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH, members: [{ agencyId: agency.VN, role: 'participant' }] })).id;
    otherOperationId = (await arrangeOperation(db, { leadAgencyId: agency.TH })).id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  describe('handshake', () => {
    it('refuses a connection without a token, with the reason in connect_error', async () => {
      await expect(connectOps(t.baseUrl, undefined)).rejects.toMatchObject({
        message: 'Sign in first: pass the access token as auth: { token } when connecting',
        data: { status: 401 },
      });
    });

    it('refuses a malformed token', async () => {
      await expect(connectOps(t.baseUrl, 'not-a-token')).rejects.toMatchObject({ message: 'The access token is invalid', data: { status: 401 } });
    });

    it('refuses an expired token', async () => {
      await expect(connectOps(t.baseUrl, expiredTokenOf(tokens.khCommander))).rejects.toMatchObject({ message: 'The access token has expired' });
    });

    it('refuses the token of a disabled account', async () => {
      const user = await db.user({ agencyId: agency.KH, role: 'commander' });
      const token = (await signIn(t.baseUrl, user.email)).accessToken;
      await db.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
      await expect(connectOps(t.baseUrl, token)).rejects.toMatchObject({ message: 'The session has ended; sign in again' });
    });
  });

  describe('subscribe', () => {
    it('answers 404 for an operation that does not exist', async () => {
      const socket = await open('khCommander');
      expect(await subscribe(socket, { operationId: randomUUID(), sinceSeq: 0 })).toEqual({ ok: false, error: { status: 404, code: 'not_found', message: 'Operation not found' } });
    });

    it("answers 404 for another agency's operation, exactly as for one that does not exist", async () => {
      const socket = await open('khCommander');
      expect(await subscribe(socket, { operationId: otherOperationId, sinceSeq: 0 })).toEqual({
        ok: false,
        error: { status: 404, code: 'not_found', message: 'Operation not found' },
      });
    });

    it('answers 409 for a sinceSeq ahead of the log', async () => {
      const socket = await open('khCommander');
      const answer = await subscribe(socket, { operationId, sinceSeq: 999_999 });
      expect(answer).toMatchObject({ ok: false, error: { status: 409 } });
    });
  });

  describe('malformed payloads answer 400 with the failing fields, and the socket stays usable', () => {
    const cases: [string, 'operation:subscribe' | 'operation:unsubscribe' | 'report:create' | 'team:position', unknown, string][] = [
      ['subscribe without operationId', 'operation:subscribe', {}, 'operationId'],
      ['subscribe with a non-UUID', 'operation:subscribe', { operationId: 'op-1' }, 'operationId'],
      ['subscribe with a negative sinceSeq', 'operation:subscribe', { operationId: randomUUID(), sinceSeq: -1 }, 'sinceSeq'],
      ['subscribe with an unknown field', 'operation:subscribe', { operationId: randomUUID(), extra: 1 }, '(body)'],
      ['subscribe with a string', 'operation:subscribe', 'hello', '(body)'],
      ['unsubscribe without operationId', 'operation:unsubscribe', { sinceSeq: 1 }, 'operationId'],
      ['report:create without report', 'report:create', { operationId: randomUUID() }, 'report'],
      ['report:create with a bad report', 'report:create', { operationId: randomUUID(), report: { kind: 'rumour' } }, 'report.clientId'],
      ['team:position out of range', 'team:position', { operationId: randomUUID(), teamId: randomUUID(), position: { lat: 91, lon: 0, at: new Date().toISOString() } }, 'position.lat'],
      ['team:position in the future', 'team:position', { operationId: randomUUID(), teamId: randomUUID(), position: { lat: 1, lon: 1, at: '2999-01-01T00:00:00Z' } }, 'position.at'],
    ];

    it.each(cases)('%s', async (_name, event, payload, failingPath) => {
      const socket = await open('khCommander');
      const answer = (await socket.timeout(5000).emitWithAck(event as 'operation:subscribe', payload as never)) as {
        ok: boolean;
        error: { status: number; message: string; issues: { path: string }[] };
      };
      expect(answer.ok).toBe(false);
      expect(answer.error.status).toBe(400);
      expect(answer.error.message).toMatch(/^Invalid input: /);
      expect(answer.error.issues.map((issue) => issue.path)).toContain(failingPath);
      expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
    });

    it('a request without an acknowledgement callback (or with no payload at all) breaks nothing', async () => {
      const socket = await open('khCommander');
      // Untyped on purpose: what a careless or hostile client can send.
      const raw = socket as unknown as {
        emit(event: string, ...args: unknown[]): void;
        timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<{ ok: boolean; error: { status: number } }> };
      };
      raw.emit('operation:subscribe', { operationId });
      raw.emit('team:position', 'junk');
      raw.emit('operation:unsubscribe');
      const bare = await raw.timeout(5000).emitWithAck('operation:subscribe');
      expect(bare).toMatchObject({ ok: false, error: { status: 400 } });
      expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
      expect(socket.connected).toBe(true);
    });
  });

  describe('access revoked while connected', () => {
    it('an agency removed from the operation is told and stops receiving its events at once; others carry on', async () => {
      const operation = (await arrangeOperation(db, { leadAgencyId: agency.KH, members: [{ agencyId: agency.VN, role: 'participant' }] })).id;
      const vn = await open('vnCommander');
      const kh = await open('khCommander');
      const vnFeed = new Feed(vn);
      const khFeed = new Feed(kh);
      await subscribe(vn, { operationId: operation, sinceSeq: 0 });
      await subscribe(kh, { operationId: operation, sinceSeq: 0 });
      await waitUntil(() => vnFeed.caughtUp.length === 1 && khFeed.caughtUp.length === 1, 'both caught up');

      const removed = await http(t.baseUrl, 'DELETE', `/api/operations/${operation}/participants/${agency.VN}`, { token: tokens.khCommander });
      expect(removed.status).toBe(204);
      await waitUntil(() => vnFeed.revoked.length === 1, 'access:revoked');
      expect(vnFeed.revoked).toEqual([{ operationId: operation, reason: 'Your agency no longer takes part in this operation' }]);

      const seen = vnFeed.events.length;
      const after = await appendEvent(t.app, operation, { marking: 'TLP:CLEAR', originAgencyId: agency.KH });
      await waitUntil(() => khFeed.lastSeq === after.seq, 'the lead to get the next event');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(vnFeed.events.length).toBe(seen);
      expect(vn.connected).toBe(true); // still connected for its other operations
      expect(await subscribe(vn, { operationId: operation, sinceSeq: 0 })).toMatchObject({ ok: false, error: { status: 404 } });
    });

    it("a disabled user's sockets are told and disconnected", async () => {
      const feed = new Feed(await open('vnField'));
      const answer = await http(t.baseUrl, 'PATCH', `/api/users/${users.vnField.id}`, { token: tokens.admin, body: { disabled: true } });
      expect(answer.status).toBe(200);
      await waitUntil(() => feed.disconnects.length === 1, 'the disconnect');
      expect(feed.revoked).toEqual([{ operationId: null, reason: 'Your account has been disabled' }]);
    });

    it("a password reset by an administrator closes every socket of the user", async () => {
      const { feed } = await openSignedIn(users.vnCommander.email);
      const answer = await http(t.baseUrl, 'POST', `/api/users/${users.vnCommander.id}/reset-password`, { token: tokens.admin });
      expect(answer.status).toBe(200);
      await waitUntil(() => feed.disconnects.length === 1, 'the disconnect');
      expect(feed.revoked).toEqual([{ operationId: null, reason: 'Your password was reset by an administrator' }]);
    });

    it('logging out closes the sockets of that sign-in, and only those', async () => {
      const { session: signedOut, feed } = await openSignedIn(users.thCommander.email);
      const { socket: staying } = await openSignedIn(users.thCommander.email);

      const answer = await http(t.baseUrl, 'POST', '/api/auth/logout', { token: signedOut.accessToken, body: { refreshToken: signedOut.refreshToken } });
      expect(answer.status).toBe(204);
      await waitUntil(() => feed.disconnects.length === 1, 'the disconnect');
      expect(feed.revoked).toEqual([{ operationId: null, reason: 'You have signed out' }]);
      expect(staying.connected).toBe(true);
      expect(await subscribe(staying, { operationId: otherOperationId, sinceSeq: 0 })).toMatchObject({ ok: true });
      // The ended sign-in cannot open a new socket either.
      await expect(connectOps(t.baseUrl, signedOut.accessToken)).rejects.toMatchObject({ message: 'The session has ended; sign in again' });
    });

    it('a refresh token used twice ends its sign-in, and its open sockets with it', async () => {
      const { session, feed } = await openSignedIn(users.thCommander.email);

      expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(200);
      expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
      await waitUntil(() => feed.disconnects.length === 1, 'the disconnect');
      expect(feed.revoked).toEqual([{ operationId: null, reason: 'This sign-in was ended because its refresh token was used twice; sign in again' }]);
    });
  });
});
