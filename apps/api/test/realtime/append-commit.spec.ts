import { randomUUID } from 'node:crypto';
import type { Marking, MarkingVisibility } from '@lintas/contracts';
import { StatementAfterCommitError, TransactionService } from '../../src/database/transaction.service';
import { sqlLiteral } from '../../src/database/sql-literals';
import { EventLogService } from '../../src/modules/event-log/event-log.service';
import { arrangeOperation } from '../support/arrange-operation';
import type { Fixtures } from '../support/fixtures';
import { appendEvent, Feed, range, subscribe, waitUntil } from '../support/ops-client';
import { useStreamScene } from '../support/stream-scene';
import type { TestApp } from '../support/test-app';

/**
 * The event is appended by the write's last statement, sent with its COMMIT in one round trip
 * (`EventLogService.appendLast`): the seq lock is released by PostgreSQL at COMMIT, not when the API
 * gets round to it. What must still hold: seqs 1..n with no gap, committed in seq order (a reader
 * never sees n+1 before n), every event once and in order at the dispatcher's sockets and through
 * the catch-up, and a failed write rolled back whole.
 */
describe('append sent with the COMMIT', () => {
  const scene = useStreamScene('KH-COMMIT');
  let t: TestApp;
  let db: Fixtures;
  let lead: string;
  let token: string;
  beforeAll(() => ({ t, db, lead, token } = scene));

  const lastSeq = async (operationId: string) => (await db.query<{ n: number }>('SELECT last_seq::int AS n FROM operations WHERE id = $1', [operationId]))[0].n;
  const nameOf = async (operationId: string) => (await db.query<{ name: string }>('SELECT name FROM operations WHERE id = $1', [operationId]))[0].name;
  const subscribed = async (operationId: string, sinceSeq: number) => {
    const socket = await scene.open();
    const feed = new Feed(socket);
    expect(await subscribe(socket, { operationId, sinceSeq })).toMatchObject({ ok: true });
    return feed;
  };

  it('400 events from 16 concurrent writers, one write in six failing: gapless, committed in seq order, once and in order live and through catch-up', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const live = await subscribed(operationId, 0);
    await waitUntil(() => live.caughtUp.length === 1, 'live subscriber caught up');
    const eventLog = t.app.get(EventLogService);
    const visibility: MarkingVisibility = { agencyId: lead, markings: ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'], redIfRecipient: true };

    // Readers during the writes: the table as a plain reader sees it, and the catch-up's own read.
    let writing = true;
    const holes: string[] = [];
    const observe = async () => {
      let observations = 0;
      while (writing) {
        const [row] = await db.query<{ n: number; top: number }>(
          'SELECT count(*)::int AS n, coalesce(max(seq), 0)::int AS top FROM operation_events WHERE operation_id = $1',
          [operationId],
        );
        if (row.n !== row.top) holes.push(`${row.n} events, highest seq ${row.top}`);
        const since = Math.max(0, row.top - 20);
        const page = (await eventLog.listSince(operationId, since, visibility, 500)).map((event) => event.seq);
        if (page.some((seq, i) => seq !== since + 1 + i)) holes.push(`listSince(${since}): ${page.join(',')}`);
        observations++;
      }
      return observations;
    };
    const observers = [observe(), observe()];

    const late: { feed?: Feed } = {};
    let failed = 0;
    let done = 0;
    const writers = Array.from({ length: 16 }, async (_, writer) => {
      for (let i = 0; i < 30; i++) {
        // A subscriber that joins halfway catches up from the database while the writes go on.
        if (writer === 0 && i === 15) late.feed = await subscribed(operationId, 0);
        if (i % 6 === 5) {
          // Refused by the table's CHECK in the statement that takes the seq: rolled back, number given back.
          await expect(appendEvent(t.app, operationId, { originAgencyId: lead, marking: 'TLP:PURPLE' as Marking })).rejects.toThrow(/check constraint/);
          failed++;
        } else {
          await appendEvent(t.app, operationId, { originAgencyId: lead });
          done++;
        }
      }
    });
    await Promise.all(writers);
    writing = false;
    const observations = await Promise.all(observers);

    expect(failed).toBe(80);
    expect(done).toBe(400);
    expect(holes).toEqual([]);
    expect(Math.min(...observations)).toBeGreaterThan(0);
    expect(await lastSeq(operationId)).toBe(400);
    const stored = await db.query<{ seq: string }>('SELECT seq FROM operation_events WHERE operation_id = $1 ORDER BY seq', [operationId]);
    expect(stored.map((row) => Number(row.seq))).toEqual(range(1, 400));

    const both = () => [live.events.length, late.feed?.events.length ?? 0];
    await waitUntil(() => both().every((n) => n >= 400), '400 events at both subscribers', 30_000, both);
    expect(live.seqs).toEqual(range(1, 400));
    expect(late.feed!.seqs).toEqual(range(1, 400));
    expect(late.feed!.caughtUp).toHaveLength(1);
  });

  it('the seq lock is released by the server while the API is busy: two writers both commit while its event loop is blocked', async () => {
    // Each writer gives up after waiting 2 s for a lock (lock_timeout, the server's own clock). The
    // API's event loop is then blocked for 5 s just after both appends were sent. Had the lock been
    // held until the API read the first append's answer and sent COMMIT, the second writer would
    // wait out the block and fail; sent with the COMMIT, both commit during the block.
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const transactions = t.app.get(TransactionService);
    const eventLog = t.app.get(EventLogService);
    let go!: () => void;
    const start = new Promise<void>((resolve) => (go = resolve));
    let ready = 0;
    const writer = () =>
      transactions.run(async (tx) => {
        await tx.manager.query(`SET LOCAL lock_timeout = '2s'`);
        ready++;
        await start;
        return eventLog.appendLast(tx, {
          operationId,
          data: { type: 'operation.site_detached', siteId: randomUUID() },
          actor: null,
          marking: 'TLP:GREEN',
          originAgencyId: lead,
          recipientAgencyIds: [],
        });
      });
    const writes = Promise.allSettled([writer(), writer()]);
    await waitUntil(() => ready === 2, 'both writers in their transactions');
    go();
    // Both appends are sent in the microtasks that follow; the block starts after them.
    setImmediate(() => {
      const until = Date.now() + 5_000;
      while (Date.now() < until);
    });
    const outcomes = await writes;
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.seq : String(outcome.reason)))).toEqual(
      expect.arrayContaining([1, 2]),
    );
  });

  it('a write whose append fails is rolled back whole, and the next write takes the seq it did not use', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    await appendEvent(t.app, operationId, { originAgencyId: lead });
    const before = await nameOf(operationId);
    const transactions = t.app.get(TransactionService);
    const eventLog = t.app.get(EventLogService);
    const write = (marking: string, id = operationId) =>
      transactions.run(async (tx) => {
        await tx.manager.query(`UPDATE operations SET name = name || ' (changed)' WHERE id = $1`, [operationId]);
        return eventLog.appendLast(tx, {
          operationId: id,
          data: { type: 'operation.site_detached', siteId: randomUUID() },
          actor: null,
          marking: marking as Marking,
          originAgencyId: lead,
          recipientAgencyIds: [],
        });
      });

    await expect(write('TLP:PURPLE')).rejects.toThrow(/check constraint/);
    // No operation, no seq: the statement fails rather than storing nothing and committing the rest.
    await expect(write('TLP:GREEN', randomUUID())).rejects.toThrow();
    expect(await nameOf(operationId)).toBe(before);
    expect(await lastSeq(operationId)).toBe(1);

    const stored = await write('TLP:GREEN');
    expect(stored.seq).toBe(2);
    expect(await nameOf(operationId)).toBe(`${before} (changed)`);
  });

  it('a statement sent after the committing append is refused, and what was committed is still published', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const live = await subscribed(operationId, 0);
    const transactions = t.app.get(TransactionService);
    const eventLog = t.app.get(EventLogService);
    await expect(
      transactions.run(async (tx) => {
        await eventLog.appendLast(tx, {
          operationId,
          data: { type: 'operation.site_detached', siteId: randomUUID() },
          actor: null,
          marking: 'TLP:GREEN',
          originAgencyId: lead,
          recipientAgencyIds: [],
        });
        await tx.manager.query('SELECT 1');
      }),
    ).rejects.toBeInstanceOf(StatementAfterCommitError);
    expect(await lastSeq(operationId)).toBe(1);
    await waitUntil(() => live.events.length === 1, 'the committed event published');
  });

  it('values written into the statement as literals come back exactly as sent (quotes, backslashes, $n, a second statement)', async () => {
    const nasty = [
      "O'Brien's \\ report",
      "'; COMMIT; DROP TABLE operation_events; --",
      '$1 $2 $$ dollar $tag$ quoted $tag$',
      "E'\\x00' \\\\ \\' ' '' \\n",
      'Khmer ខ្មែរ, Thai ไทย, emoji 🛰️, RTL مرحبا',
    ];
    const [row] = await db.query<{ texts: string[]; doc: unknown; ids: string[] }>(
      `SELECT ${sqlLiteral(nasty)}::text[] AS texts, ${sqlLiteral({ title: nasty, nested: { n: 1.5, ok: true, none: null } })}::jsonb AS doc, ${sqlLiteral([])}::uuid[] AS ids`,
    );
    expect(row.texts).toEqual(nasty);
    expect(row.doc).toEqual({ title: nasty, nested: { n: 1.5, ok: true, none: null } });
    expect(row.ids).toEqual([]);
    expect(() => sqlLiteral('cut\0short')).toThrow(/NUL/);

    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const answer = await fetch(`${t.baseUrl}/api/operations/${operationId}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: randomUUID(), kind: 'sitrep', title: nasty[1], narrative: nasty.join('\n'), occurredAt: '2026-11-01T00:00:00Z' }),
    });
    expect(answer.status).toBe(201);
    const [event] = await db.query<{ payload: { report: { title: string; narrative: string; version: number } } }>(
      'SELECT payload FROM operation_events WHERE operation_id = $1',
      [operationId],
    );
    expect(event.payload.report).toMatchObject({ title: nasty[1], narrative: nasty.join('\n'), version: 1 });
    expect(await db.query(`SELECT to_regclass('operation_events') IS NOT NULL AS present`)).toEqual([{ present: true }]);
  });

  it('a write begins READ COMMITTED and a read REPEATABLE READ, READ ONLY, each in one statement, whatever the database default', async () => {
    const transactions = t.app.get(TransactionService);
    const [database] = await db.query<{ name: string }>('SELECT current_database() AS name');
    // An operator's default (here serializable) applies to new connections; the API's set their own.
    await db.query(`ALTER DATABASE "${database.name}" SET default_transaction_isolation = 'serializable'`);
    try {
      const settings = (manager: { query(sql: string): Promise<Record<string, string>[]> }) =>
        manager.query(`SELECT current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS read_only`);
      // More at once than the pool keeps open, so that some run on connections opened after the ALTER.
      const writes = await Promise.all(Array.from({ length: 24 }, () => transactions.run((tx) => settings(tx.manager))));
      const reads = await Promise.all(Array.from({ length: 24 }, () => transactions.read((manager) => settings(manager))));
      expect(new Set(writes.map(([row]) => JSON.stringify(row)))).toEqual(new Set([JSON.stringify({ isolation: 'read committed', read_only: 'off' })]));
      expect(new Set(reads.map(([row]) => JSON.stringify(row)))).toEqual(new Set([JSON.stringify({ isolation: 'repeatable read', read_only: 'on' })]));
    } finally {
      await db.query(`ALTER DATABASE "${database.name}" RESET default_transaction_isolation`);
    }
  });
});
