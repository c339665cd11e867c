import { randomUUID } from 'node:crypto';
import type { Fixtures } from '../support/fixtures';
import { http, type HttpAnswer } from '../support/http';
import type { Feed } from '../support/ops-client';

/**
 * What a fault test did and saw: every write attempted, the ones acknowledged, and every answer's
 * status, so that a test can say "nothing acknowledged was lost, nothing answered 500", and print
 * the counts the closing notes quote.
 */
export class FaultLedger {
  attempted = 0;
  readonly acknowledged = new Set<string>();
  readonly statuses = new Map<number, number>();

  note(answer: HttpAnswer | { status: number }): void {
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
  }

  /** Statuses no client may ever see, whatever fails under it. */
  get serverErrors(): number {
    return [...this.statuses].filter(([status]) => status >= 500 && status !== 503).reduce((sum, [, count]) => sum + count, 0);
  }

  /**
   * Posts one report and retries it with the same client id while the service answers 503 or 429
   * (or does not answer), waiting as `Retry-After` asks: what a field outbox does.
   */
  async postReport(baseUrl: () => string, token: string, operationId: string, attempts = 40): Promise<boolean> {
    const clientId = randomUUID();
    this.attempted++;
    const body = { clientId, kind: 'sitrep', title: `Fault drill ${this.attempted}`, occurredAt: new Date(Date.now() - 60_000).toISOString(), marking: 'TLP:GREEN' };
    for (let attempt = 0; attempt < attempts; attempt++) {
      let answer: HttpAnswer | null = null;
      try {
        answer = await http(baseUrl(), 'POST', `/api/operations/${operationId}/reports`, { token, body });
        this.note(answer);
      } catch {
        this.note({ status: 0 });
      }
      if (answer && (answer.status === 201 || answer.status === 200)) {
        this.acknowledged.add(clientId);
        return true;
      }
      if (answer && answer.status !== 503 && answer.status !== 429) throw new Error(`report answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const retryAfter = Number(answer?.headers.get('retry-after') ?? 0.2);
      await new Promise((done) => setTimeout(done, Math.min(retryAfter, 2) * 1000));
    }
    return false;
  }

  /** Acknowledged writes that the database does not hold. */
  async missingFrom(db: Fixtures, operationId: string): Promise<string[]> {
    const rows = await db.query<{ client_id: string }>('SELECT client_id FROM reports WHERE operation_id = $1', [operationId]);
    const stored = new Set(rows.map((row) => row.client_id));
    return [...this.acknowledged].filter((clientId) => !stored.has(clientId));
  }

  summary(): string {
    return `writes attempted ${this.attempted}, acknowledged ${this.acknowledged.size}; answers ${JSON.stringify(Object.fromEntries(this.statuses))}`;
  }
}

/** Events a client lost and doubled against the operation's log 1..lastSeq. */
export function feedAccount(feed: Feed, lastSeq: number): { delivered: number; lost: number; doubled: number; outOfOrder: number } {
  const seen = new Map<number, number>();
  let outOfOrder = 0;
  feed.seqs.forEach((seq, index) => {
    seen.set(seq, (seen.get(seq) ?? 0) + 1);
    if (index > 0 && seq <= feed.seqs[index - 1]) outOfOrder++;
  });
  let lost = 0;
  for (let seq = 1; seq <= lastSeq; seq++) if (!seen.has(seq)) lost++;
  const doubled = [...seen.values()].filter((count) => count > 1).length;
  return { delivered: feed.seqs.length, lost, doubled, outOfOrder };
}

export async function lastSeqOf(db: Fixtures, operationId: string): Promise<number> {
  const [row] = await db.query<{ seq: number | null }>('SELECT max(seq)::int AS seq FROM operation_events WHERE operation_id = $1', [operationId]);
  return row.seq ?? 0;
}
