import type { Agency, Operation, Team, User, UserWithSetPasswordLink } from '@lintas/contracts';
import { LintasApi } from '../client/lintas-api';
import type { FieldClient } from './field-load';

/** The seeded administrator of the demo data, which a fresh bench database starts with. */
const DEMO_ADMIN = 'admin@interpol-cu.demo';
const PASSWORD = 'bench-password-not-secret';

/**
 * The bench's own world, made through the public API as an administrator and a commander would:
 * an agency, viewers for the dashboard sockets, an exercise operation per measurement, and field
 * users each in a team of their own (the API allows a team 5 positions a second and a user 20
 * position requests a second, so the load spreads over as many teams as its rate needs).
 */
export class BenchWorld {
  private fieldCount = 0;

  private constructor(
    private readonly url: string,
    private readonly admin: LintasApi,
    readonly agency: Agency,
    readonly commander: LintasApi,
  ) {}

  readonly commanderEmail = 'commander@bench.lintas';

  static async create(url: string, demoPassword: string): Promise<BenchWorld> {
    const admin = await LintasApi.signIn(url, DEMO_ADMIN, demoPassword);
    const agency = await admin.call<Agency>((client) => client.POST('/api/agencies', { body: { code: 'BENCH', name: 'Benchmark agency', country: 'TH', kind: 'police' } }));
    await createUser(admin, agency.id, 'commander@bench.lintas', 'commander');
    const commander = await LintasApi.signIn(url, 'commander@bench.lintas', PASSWORD);
    return new BenchWorld(url, admin, agency, commander);
  }

  /** An active exercise operation led by the bench agency. */
  async operation(code: string): Promise<Operation> {
    const operation = await this.commander.call<Operation>((client) =>
      client.POST('/api/operations', { body: { code, name: `Benchmark ${code}`, exercise: true, timeZone: 'Asia/Bangkok' } }),
    );
    await this.commander.call((client) => client.POST('/api/operations/{id}/transition', { params: { path: { id: operation.id } }, body: { status: 'active' } }));
    return operation;
  }

  /** Access tokens of `count` liaison viewers of the lead agency (they see every item). */
  async viewerTokens(count: number): Promise<string[]> {
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const email = `viewer${i}@bench.lintas`;
      await createUser(this.admin, this.agency.id, email, 'liaison');
      tokens.push((await LintasApi.signIn(this.url, email, PASSWORD)).accessToken);
    }
    return tokens;
  }

  /** `count` field users, each the one member of a new team of the operation. */
  async fieldClients(operation: Operation, count: number): Promise<(FieldClient & { api: LintasApi })[]> {
    const clients = [];
    for (let i = 0; i < count; i++) {
      const email = `field${this.fieldCount++}@bench.lintas`;
      const user = await createUser(this.admin, this.agency.id, email, 'field');
      const team = await this.commander.call<Team>((client) =>
        client.POST('/api/operations/{id}/teams', {
          params: { path: { id: operation.id } },
          body: { callSign: `BENCH-${this.fieldCount}`, size: 2, status: 'on_station', memberUserIds: [user.id], marking: 'TLP:GREEN' },
        }),
      );
      const api = await LintasApi.signIn(this.url, email, PASSWORD);
      clients.push({ token: api.accessToken, teamId: team.id, api });
    }
    return clients;
  }
}

/** As an administrator does it: the account, then its holder chooses the password through the one-time link. */
async function createUser(admin: LintasApi, agencyId: string, email: string, role: 'commander' | 'field' | 'liaison'): Promise<User> {
  const created = await admin.call<UserWithSetPasswordLink>((client) => client.POST('/api/users', { body: { email, name: `Bench ${email.split('@')[0]}`, role, agencyId } }));
  await admin.call((client) => client.POST('/api/auth/set-password', { body: { token: created.setPassword.token, password: PASSWORD } }));
  return created.user;
}
