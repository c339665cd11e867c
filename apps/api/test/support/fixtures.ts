import { randomBytes } from 'node:crypto';
import type { AgencyKind, UserRole } from '@lintas/contracts';
import { Client } from 'pg';
import { hashPassword } from '../../src/modules/auth/passwords';
import { http } from './http';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

/** Rows written straight into a test database, for arranging a test quickly. */
export class Fixtures {
  private constructor(private readonly client: Client) {}

  static async open(databaseUrl: string): Promise<Fixtures> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new Fixtures(client);
  }

  query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.client.query(sql, params).then((result) => result.rows as T[]);
  }

  async agency(fields: { code?: string; name?: string; country?: string | null; kind?: AgencyKind } = {}): Promise<{ id: string; code: string }> {
    const code = fields.code ?? `AG-${randomBytes(3).toString('hex').toUpperCase()}`;
    const [row] = await this.query<{ id: string }>(
      'INSERT INTO agencies (code, name, country, kind) VALUES ($1, $2, $3, $4) RETURNING id',
      [code, fields.name ?? `Agency ${code}`, fields.country === undefined ? 'KH' : fields.country, fields.kind ?? 'police'],
    );
    return { id: row.id, code };
  }

  async user(fields: { agencyId: string; role: UserRole; email?: string; name?: string; disabled?: boolean }): Promise<{ id: string; email: string }> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const email = fields.email ?? `${fields.role}-${randomBytes(4).toString('hex')}@test.lintas`;
    const [row] = await this.query<{ id: string }>(
      'INSERT INTO users (agency_id, email, name, role, password_hash, disabled) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [fields.agencyId, email, fields.name ?? `Officer ${email.split('@')[0]}`, fields.role, await passwordHash, fields.disabled ?? false],
    );
    return { id: row.id, email };
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Signs in through the API as a tool does (refresh token in the answer) and answers the access token and the rest. */
export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD) {
  const answer = await http(baseUrl, 'POST', '/api/auth/login', { body: { email, password, tokenDelivery: 'body' } });
  if (answer.status !== 200) throw new Error(`sign-in of ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { accessToken: string; refreshToken: string; user: { id: string; agency: { id: string } } };
}

/** One member of a test's cast: its name in the test, its agency's key, its role. */
export type CastMember = readonly [name: string, agencyKey: string, role: UserRole];

/**
 * Creates every member of the cast in its agency (`agencyIds` by key) and signs it in; fills
 * `users` and `tokens` by name.
 */
export async function signInCast(
  db: Fixtures,
  baseUrl: string,
  agencyIds: Record<string, string>,
  cast: readonly CastMember[],
  into: { users: Record<string, { id: string; email: string }>; tokens: Record<string, string> },
): Promise<void> {
  for (const [name, agencyKey, role] of cast) {
    into.users[name] = await db.user({ agencyId: agencyIds[agencyKey], role });
    into.tokens[name] = (await signIn(baseUrl, into.users[name].email)).accessToken;
  }
}
