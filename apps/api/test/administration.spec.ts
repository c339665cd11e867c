import { randomBytes } from 'node:crypto';
import type { AuditEntry } from '@lintas/contracts';
import { DataSource } from 'typeorm';
import { createFirstAdministrator } from '../src/modules/users/first-administrator';
import { arrangeOperation, arrangeSite } from './support/arrange-operation';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { connectOps, waitUntil, type OpsClient } from './support/ops-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Administration through the API: set-password links (expiry, reuse, guessing, throttle), password
 * resets, deactivated agencies, retired sites, the audit trail with its filters and pages, and
 * the live `operations:changed` that an agency's open lists get when it joins an operation.
 */
describe('administration: accounts, agencies, sites and the audit trail', () => {
  let t: TestApp;
  let db: Fixtures;
  let adminToken: string;
  let adminId: string;
  let home: { id: string; code: string };
  let lead: { id: string; code: string };
  let leadToken: string;
  const sockets: OpsClient[] = [];
  const PASSWORD = 'a pass phrase of my own choosing';

  const api = (method: string, path: string, token?: string, body?: unknown) => http(t.baseUrl, method, path, { token, body });
  const setPassword = (token: string, password = PASSWORD) => api('POST', '/api/auth/set-password', undefined, { token, password });
  const login = (email: string, password = PASSWORD) => api('POST', '/api/auth/login', undefined, { email, password, tokenDelivery: 'body' });
  const newAccount = async (role = 'field', agencyId = lead.id) => {
    const email = `${role}-${randomBytes(3).toString('hex')}@admin.test`;
    const created = await api('POST', '/api/users', adminToken, { email, name: 'New Officer', role, agencyId });
    expect(created.status).toBe(201);
    return { email, id: created.body.user.id as string, link: created.body.setPassword as { path: string; token: string; expiresAt: string } };
  };
  const audit = async (query: string) => {
    const answer = await api('GET', `/api/audit?${query}`, adminToken);
    expect(answer.status).toBe(200);
    return answer.body as { items: AuditEntry[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    home = await db.agency({ code: 'IO-HOME', country: null, kind: 'international_organisation' });
    lead = await db.agency({ code: 'KH-ADM' });
    const admin = await db.user({ agencyId: home.id, role: 'admin' });
    adminId = admin.id;
    adminToken = (await signIn(t.baseUrl, admin.email)).accessToken;
    leadToken = (await signIn(t.baseUrl, (await db.user({ agencyId: lead.id, role: 'commander' })).email)).accessToken;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  describe('set-password links', () => {
    it('a new account cannot sign in until its holder sets a password with the link; the link works once', async () => {
      const account = await newAccount();
      expect(account.link.path).toBe(`/set-password?token=${encodeURIComponent(account.link.token)}`);
      const hours = (Date.parse(account.link.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);
      // Only the hash is stored.
      const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM password_tokens WHERE user_id = $1', [account.id]);
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toContain(account.link.token);
      expect((await login(account.email, '')).status).toBe(400);
      expect((await login(account.email, 'anything at all here')).status).toBe(401);

      const tooShort = await setPassword(account.link.token, 'short');
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.code).toBe('validation_failed');
      const done = await setPassword(account.link.token);
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ email: account.email });
      expect((await login(account.email)).status).toBe(200);

      const again = await setPassword(account.link.token, 'another pass phrase entirely');
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('set_password_link_invalid');
      expect((await login(account.email)).status).toBe(200);
    });

    it('an expired link is refused', async () => {
      const account = await newAccount();
      await db.query(`UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [account.id]);
      const answer = await setPassword(account.link.token);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('set_password_link_invalid');
      expect((await login(account.email)).status).toBe(401);
    });

    it('a reset forgets the password, ends the sign-ins and replaces earlier links', async () => {
      const account = await newAccount('commander');
      expect((await setPassword(account.link.token)).status).toBe(200);
      const session = (await login(account.email)).body;
      const users = await api('GET', '/api/users', adminToken);
      expect(users.body.find((u: { id: string }) => u.id === account.id)).toMatchObject({ passwordSet: true, signedIn: true });

      const first = await api('POST', `/api/users/${account.id}/reset-password`, adminToken);
      expect(first.status).toBe(200);
      expect(first.body.user).toMatchObject({ id: account.id, passwordSet: false, signedIn: false });
      expect((await api('GET', '/api/me', session.accessToken)).status).toBe(401);
      expect((await login(account.email)).status).toBe(401);
      const second = await api('POST', `/api/users/${account.id}/reset-password`, adminToken);
      expect((await setPassword(first.body.setPassword.token)).body.code).toBe('set_password_link_invalid');
      expect((await setPassword(second.body.setPassword.token, 'my second pass phrase')).status).toBe(200);
      expect((await login(account.email, 'my second pass phrase')).status).toBe(200);

      expect((await api('POST', `/api/users/${adminId}/reset-password`, adminToken)).body.code).toBe('self_lockout');
      expect((await api('POST', `/api/users/${account.id}/reset-password`, leadToken)).status).toBe(403);
    });

    it('disable and re-enable an account', async () => {
      const account = await newAccount();
      await setPassword(account.link.token);
      expect((await api('PATCH', `/api/users/${account.id}`, adminToken, { disabled: true })).body.disabled).toBe(true);
      expect((await login(account.email)).status).toBe(401);
      expect((await api('PATCH', `/api/users/${account.id}`, adminToken, { disabled: false })).body.disabled).toBe(false);
      expect((await login(account.email)).status).toBe(200);
      const actions = (await audit(`action=user.&userId=${adminId}&limit=50`)).items.filter((e) => e.entityId === account.id).map((e) => e.action);
      expect(actions).toEqual(['user.enable', 'user.disable', 'user.create']);
    });

  });

  describe('agencies and sites', () => {
    it('a deactivated agency’s accounts cannot sign in, it cannot join operations or get accounts; reactivated, all works again', async () => {
      const agency = (await api('POST', '/api/agencies', adminToken, { code: 'LA-DEACT', name: 'Deactivated', country: 'LA', kind: 'police' })).body;
      expect(agency.active).toBe(true);
      const account = await newAccount('commander', agency.id);
      await setPassword(account.link.token);
      const session = (await login(account.email)).body;
      const operation = (await api('POST', '/api/operations', leadToken, { code: `OP-${randomBytes(3).toString('hex').toUpperCase()}`, name: 'Join test' })).body;

      expect((await api('PATCH', `/api/agencies/${agency.id}`, adminToken, { active: false })).body.active).toBe(false);
      expect((await api('GET', '/api/me', session.accessToken)).status).toBe(401);
      expect((await login(account.email)).status).toBe(401);
      const join = await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: agency.id, role: 'observer' });
      expect([join.status, join.body.code]).toEqual([409, 'agency_inactive']);
      const more = await api('POST', '/api/users', adminToken, { email: 'more@admin.test', name: 'More', role: 'field', agencyId: agency.id });
      expect([more.status, more.body.code]).toEqual([409, 'agency_inactive']);
      expect((await api('PATCH', `/api/agencies/${home.id}`, adminToken, { active: false })).body.code).toBe('self_lockout');

      expect((await api('PATCH', `/api/agencies/${agency.id}`, adminToken, { active: true })).body.active).toBe(true);
      expect((await login(account.email)).status).toBe(200);
      expect((await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: agency.id, role: 'observer' })).status).toBe(201);
      const actions = (await audit(`action=agency.&limit=10`)).items.filter((e) => e.entityId === agency.id).map((e) => e.action);
      expect(actions).toEqual(['agency.reactivate', 'agency.deactivate', 'agency.create']);
    });

    it('a retired site is no longer offered or attached, and stays on the operations it was part of', async () => {
      const operation = (await api('POST', '/api/operations', leadToken, { code: `OP-${randomBytes(3).toString('hex').toUpperCase()}`, name: 'Sites' })).body;
      const site = (await api('POST', '/api/sites', adminToken, { code: 'la-retiring', name: 'Retiring post', kind: 'land', country: 'LA', lat: 14.1, lon: 105.8 })).body;
      const later = await arrangeSite(db);
      expect((await api('POST', `/api/operations/${operation.id}/sites`, leadToken, { siteId: site.id })).status).toBe(201);

      expect((await api('PATCH', `/api/sites/${site.id}`, adminToken, { retired: true })).body.retired).toBe(true);
      expect((await api('GET', '/api/sites?q=retiring', leadToken)).body).toEqual([]);
      expect((await api('GET', '/api/sites?q=retiring&includeRetired=true', adminToken)).body).toMatchObject([{ id: site.id, retired: true }]);
      expect((await api('GET', `/api/operations/${operation.id}`, leadToken)).body.sites).toMatchObject([{ id: site.id, retired: true }]);
      await api('DELETE', `/api/operations/${operation.id}/sites/${site.id}`, leadToken);
      const attach = await api('POST', `/api/operations/${operation.id}/sites`, leadToken, { siteId: site.id });
      expect([attach.status, attach.body.code]).toEqual([409, 'site_retired']);
      expect((await api('POST', `/api/operations/${operation.id}/sites`, leadToken, { siteId: later.id })).status).toBe(201);
      expect((await audit(`action=site.retire`)).items.map((e) => e.entityId)).toEqual([site.id]);
    });
  });

  describe('the audit trail', () => {
    it('pages newest first with a cursor, without gaps or repeats, and filters by user, agency, operation, action and time', async () => {
      const everything: AuditEntry[] = [];
      let cursor: string | null = null;
      do {
        const page = await audit(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(7);
        everything.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const ids = everything.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(Number((await db.query('SELECT count(*) FROM audit_log'))[0].count));

      const mine = await audit(`userId=${adminId}&limit=200`);
      expect(mine.items.length).toBeGreaterThan(5);
      expect(mine.items.every((e) => e.user?.id === adminId && e.agency?.code === 'IO-HOME')).toBe(true);
      expect((await audit(`agencyId=${lead.id}&limit=200`)).items.every((e) => e.agency?.id === lead.id)).toBe(true);
      const creations = await audit('action=user.create&limit=200');
      expect(creations.items.length).toBeGreaterThan(3);
      expect(creations.items.every((e) => e.action === 'user.create')).toBe(true);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await audit(`from=${encodeURIComponent(future)}`)).items).toEqual([]);
      expect((await audit(`to=${encodeURIComponent(new Date(Date.parse(everything.at(-1)!.at)).toISOString())}`)).items).toEqual([]);

      expect((await api('GET', '/api/audit?cursor=nonsense', adminToken)).body.code).toBe('invalid_cursor');
      expect((await api('GET', '/api/audit?userId=not-a-uuid', adminToken)).status).toBe(400);
      expect((await api('GET', '/api/audit?limit=5000', adminToken)).status).toBe(400);
      // Nobody else reads it, and no password or token ever appears in it.
      expect((await api('GET', '/api/audit', leadToken)).status).toBe(403);
      const text = JSON.stringify(everything);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('argon2');
    });

    it('records reads of TLP:RED reports, and operation planning changes by operation', async () => {
      const operation = await arrangeOperation(db, { leadAgencyId: lead.id });
      const report = await api('POST', `/api/operations/${operation.id}/reports`, leadToken, {
        clientId: crypto.randomUUID(),
        kind: 'sitrep',
        marking: 'TLP:RED',
        recipientAgencyIds: [],
        occurredAt: new Date().toISOString(),
        title: 'Red sitrep',
      });
      expect(report.status).toBe(201);
      expect((await api('GET', `/api/reports/${report.body.id}`, leadToken)).status).toBe(200);
      const reads = await audit(`operationId=${operation.id}&action=report.read`);
      expect(reads.items).toMatchObject([{ action: 'report.read', entityId: report.body.id, operation: { id: operation.id } }]);
      // Lists and the snapshot that hand out the RED report are reads of it too.
      expect((await api('GET', `/api/operations/${operation.id}/reports`, leadToken)).status).toBe(200);
      expect((await api('GET', `/api/operations/${operation.id}/snapshot`, leadToken)).status).toBe(200);
      const listed = await audit(`operationId=${operation.id}&action=report.read_list`);
      expect(listed.items.map((e) => e.details)).toEqual([{ reportIds: [report.body.id] }, { reportIds: [report.body.id] }]);

      const agency = await db.agency({ code: 'PH-OBS', country: 'PH' });
      await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: agency.id, role: 'observer' });
      const team = await api('POST', `/api/operations/${operation.id}/teams`, leadToken, { callSign: 'ADM-1', size: 3 });
      expect(team.status).toBe(201);
      const planning = (await audit(`operationId=${operation.id}`)).items.map((e) => e.action);
      expect(planning).toEqual(expect.arrayContaining(['operation.participant_add', 'team.create', 'report.create', 'report.read', 'report.read_list']));
    });
  });

  it('the command line makes the first administrator (and a new link for one who lost the password)', async () => {
    const input = { email: 'first.admin@new-install.test', name: 'First Admin', agency: { code: 'IO-NEW', name: 'New installation', country: null, kind: 'international_organisation' as const } };
    const first = await createFirstAdministrator(t.app.get(DataSource), t.config, input);
    expect(first.created).toEqual({ agency: true, user: true });
    expect((await setPassword(first.link.token)).status).toBe(200);
    const session = (await login(input.email)).body;
    expect(session.user).toMatchObject({ role: 'admin', agency: { code: 'IO-NEW' } });
    expect((await api('GET', '/api/audit?limit=1', session.accessToken)).status).toBe(200);

    const again = await createFirstAdministrator(t.app.get(DataSource), t.config, input);
    expect(again.created).toEqual({ agency: false, user: false });
    expect((await login(input.email)).status).toBe(401);
    expect((await setPassword(again.link.token, 'a fresh pass phrase now')).status).toBe(200);
    expect((await login(input.email, 'a fresh pass phrase now')).status).toBe(200);
    await expect(createFirstAdministrator(t.app.get(DataSource), t.config, { ...input, email: (await newAccount()).email })).rejects.toThrow('is not an administrator');
  });

  it('an agency’s open sockets are told when it joins or leaves an operation, subscribed or not', async () => {
    const agency = await db.agency({ code: 'ID-LIVE', country: 'ID' });
    const liaison = await db.user({ agencyId: agency.id, role: 'liaison' });
    const socket = await connectOps(t.baseUrl, (await signIn(t.baseUrl, liaison.email)).accessToken);
    sockets.push(socket);
    const changes: { operationId: string; change: string }[] = [];
    socket.on('operations:changed', (message) => changes.push(message));
    const operation = await arrangeOperation(db, { leadAgencyId: lead.id });
    expect((await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: agency.id, role: 'observer' })).status).toBe(201);
    await waitUntil(() => changes.length === 1, 'operations:changed (added)');
    expect((await api('DELETE', `/api/operations/${operation.id}/participants/${agency.id}`, leadToken)).status).toBe(204);
    await waitUntil(() => changes.length === 2, 'operations:changed (removed)');
    expect(changes).toEqual([
      { operationId: operation.id, change: 'added' },
      { operationId: operation.id, change: 'removed' },
    ]);
    // The removal's event names the agency, which is no longer among the participants to look it up.
    const events = await api('GET', `/api/operations/${operation.id}/events`, leadToken);
    expect(events.body.items.find((e: { type: string }) => e.type === 'operation.participant_removed')).toMatchObject({
      agencyId: agency.id,
      agency: { id: agency.id, code: 'ID-LIVE' },
    });
  });

  it('guessed tokens are refused with one answer, then throttled per address like sign-ins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await setPassword(randomBytes(32).toString('base64url'))).status);
    // Last in the file: earlier tests used up some of the address's allowance with their refused links.
    expect(new Set(statuses.slice(0, 20))).toEqual(new Set([400]));
    expect(statuses.at(-1)).toBe(429);
    const throttled = await setPassword(randomBytes(32).toString('base64url'));
    expect(throttled.body.code).toBe('set_password_throttled');
    expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
