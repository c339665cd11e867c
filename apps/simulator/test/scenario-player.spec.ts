import { resolve } from 'node:path';
import type { Agency, AgencyRequest, Operation, OperationSummary, Report, Team, TeamTrackPage } from '@lintas/contracts';
import { LintasApi } from '../src/client/lintas-api';
import { startLintasServer, type LintasServer } from '../src/harness/lintas-server';
import { runCli, startCli } from './support/cli';

const SHORT = resolve(__dirname, 'fixtures/short-sadao.yaml');

/** The scenario player against the built API, started as a child process on a fresh database with the demo data. */
describe('npm run simulate', () => {
  let server: LintasServer;
  let commander: LintasApi;

  beforeAll(async () => {
    server = await startLintasServer({ production: true, demoData: true });
    commander = await LintasApi.signIn(server.baseUrl, 'commander@th-rtp.demo', server.demoPassword);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  const simulate = (...args: string[]) => ['simulate', '--url', server.baseUrl, '--password', server.demoPassword, '--summary-every', '1', ...args];

  async function operationByCode(api: LintasApi, code: string): Promise<OperationSummary> {
    return (await api.call<OperationSummary[]>((client) => client.GET('/api/operations'))).find((operation) => operation.code === code) as OperationSummary;
  }

  it('plays a short scenario at high speed and leaves its reports, positions and status changes in the exercise', async () => {
    const operation = await operationByCode(commander, 'EX-SADAO-SHIELD');
    const startedAt = new Date().toISOString();

    const run = await runCli(simulate('--scenario', SHORT, '--speed', '20'));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('on EX-SADAO-SHIELD [EXERCISE]');
    expect(run.stdout).toMatch(/\[t\+00:00:10\] MY-BKH-1 +interception +"TEST: pickup with 7 persons" \(TLP:AMBER, 7 persons\)/);
    expect(run.stdout).toContain('scenario complete');

    // Each scheduled report once (the lead commander sees them all, TLP:RED ones named to TH-RTP included).
    const reports = (await commander.call<{ items: Report[] }>((client) => client.GET('/api/operations/{operationId}/reports', { params: { path: { operationId: operation.id }, query: { limit: 500, from: startedAt } } }))).items;
    const titles = reports.map((report) => report.title).sort();
    expect(titles).toEqual([
      'SLTD hit: MY passport',
      'TEST: drill over',
      'TEST: drill starting',
      'TEST: pickup with 7 persons',
      'TEST: tip-off for the Thai side',
    ]);
    const alert = reports.find((report) => report.kind === 'alert') as Report;
    expect(alert).toMatchObject({ marking: 'TLP:AMBER', lat: 6.53, lon: 100.42 });
    expect(alert.narrative).toContain('a passport issued by MY (number ending K4) is listed in SLTD');
    const interception = reports.find((report) => report.kind === 'interception') as Report;
    expect(interception.interception).toMatchObject({ interceptionKind: 'smuggling', persons: 7, suspects: 1, minors: 2, nationalities: ['MM'] });
    const agencies = await commander.call<Agency[]>((client) => client.GET('/api/agencies'));
    const red = reports.find((report) => report.marking === 'TLP:RED') as Report;
    expect(red.recipientAgencyIds).toEqual([agencies.find((agency) => agency.code === 'TH-RTP')?.id]);

    // Statuses as the scenario left them, and a track of positions moving from the site northwest.
    const teams = await commander.call<Team[]>((client) => client.GET('/api/operations/{id}/teams', { params: { path: { id: operation.id } } }));
    const sadao = teams.find((team) => team.callSign === 'TH-SADAO-1') as Team;
    expect(sadao.status).toBe('en_route');
    expect(teams.find((team) => team.callSign === 'MY-BKH-1')?.status).toBe('engaged');
    const track = await commander.call<TeamTrackPage>((client) =>
      client.GET('/api/operations/{operationId}/teams/{teamId}/positions', { params: { path: { operationId: operation.id, teamId: sadao.id }, query: { from: startedAt } } }),
    );
    // 60 s of scenario at 20× is 3 s: a post every 250 ms (5 s of scenario) gives about 12.
    expect(track.items.length).toBeGreaterThanOrEqual(8);
    // The first post is where the team starts, give or take the few milliseconds the loop took to begin.
    expect(track.items[0].lat).toBeCloseTo(6.53, 3);
    expect(track.items[0].lon).toBeCloseTo(100.42, 3);
    expect(track.items[track.items.length - 1].lat).toBeGreaterThan(6.53);
  });

  it("plays the demo's southern land-border scenario to its end: three teams, one relayed by its commander", async () => {
    const operation = await operationByCode(commander, 'EX-SADAO-SHIELD');
    const startedAt = new Date().toISOString();

    const run = await runCli(simulate('--scenario', 'southern-land-border', '--speed', '600'));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('scenario complete');
    const reports = (await commander.call<{ items: Report[] }>((client) => client.GET('/api/operations/{operationId}/reports', { params: { path: { operationId: operation.id }, query: { limit: 500, from: startedAt } } }))).items;
    expect(reports).toHaveLength(9);
    const teams = await commander.call<Team[]>((client) => client.GET('/api/operations/{id}/teams', { params: { path: { id: operation.id } } }));
    expect(Object.fromEntries(teams.map((team) => [team.callSign, team.status]))).toEqual({
      'TH-SADAO-1': 'returning',
      'TH-PBESAR-2': 'returning',
      'MY-BKH-1': 'on_station',
    });
  });

  it('refuses a live operation unless given --allow-live, and says why', async () => {
    const run = await runCli(simulate('--scenario', 'mekong-river-crossing'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Operation OP-MEKONG-GATE is a live operation, not an exercise: the scenario player drives only exercises unless given --allow-live');
  });

  it('plays the Mekong scenario on another exercise, deploying the teams it lacks through its commanders', async () => {
    const kh = await LintasApi.signIn(server.baseUrl, 'commander@kh-gdi.demo', server.demoPassword);
    const operation = await kh.call<Operation>((client) => client.POST('/api/operations', { body: { code: 'EX-MEKONG-NIGHT', name: 'Mekong night drill', exercise: true } }));
    const vn = (await kh.call<Agency[]>((client) => client.GET('/api/agencies'))).find((agency) => agency.code === 'VN-BGC') as Agency;
    await kh.call((client) => client.POST('/api/operations/{id}/participants', { params: { path: { id: operation.id } }, body: { agencyId: vn.id, role: 'participant' } }));
    await kh.call((client) => client.POST('/api/operations/{id}/transition', { params: { path: { id: operation.id } }, body: { status: 'active' } }));

    const run = await runCli(simulate('--scenario', 'mekong-river-crossing', '--operation', 'EX-MEKONG-NIGHT', '--speed', '400'));

    expect(run.code).toBe(0);
    // Every event applied: a refused one is logged as FAILED with its reason (and would go missing below).
    expect(run.stdout.split('\n').filter((line) => line.includes('FAILED'))).toEqual([]);
    expect(run.stdout).toContain('deployed team VN-VINHXUONG-1 (VN-BGC) with field@vn-bgc.demo, as commander@vn-bgc.demo');
    const teams = await kh.call<Team[]>((client) => client.GET('/api/operations/{id}/teams', { params: { path: { id: operation.id } } }));
    expect(teams.map((team) => team.callSign).sort()).toEqual(['KH-MEKONG-2', 'KH-SHORE-3', 'VN-VINHXUONG-1']);
    expect(teams.every((team) => team.lastPosition !== null)).toBe(true);
    // Nine reports in the scenario; the KH lead sees them all (the VN RED alert names KH-GDI).
    const reports = (await kh.call<{ items: Report[] }>((client) => client.GET('/api/operations/{operationId}/reports', { params: { path: { operationId: operation.id }, query: { limit: 500 } } }))).items;
    expect(reports).toHaveLength(9);
    expect(new Set(reports.map((report) => report.clientId)).size).toBe(9);
    // Its tasking: each commander tasks its own team, which acknowledges, works and reports it done.
    const tasks = (await kh.call<{ items: { title: string; state: string; originAgency: { code: string } }[] }>((client) =>
      client.GET('/api/operations/{operationId}/tasks', { params: { path: { operationId: operation.id }, query: { limit: 50 } } }),
    )).items;
    expect(tasks.map((task) => [task.title, task.originAgency.code, task.state]).sort()).toEqual([
      ['Hold the Kaam Samnor landing point', 'KH-GDI', 'done'],
      ['Intercept the second boat at the Vinh Xuong bank', 'VN-BGC', 'done'],
      ['Receive the two persons at the Vinh Xuong post', 'VN-BGC', 'done'],
    ]);
    expect(run.stdout).toMatch(/KH-SHORE-3 +task-update +"Hold the Kaam Samnor landing point" → done/);
    // Its requests: KH-GDI's hand-over to VN-BGC, accepted, tasked, recorded, confirmed by both, completed; VN-BGC's, declined.
    const requests = (await kh.call<{ items: AgencyRequest[] }>((client) =>
      client.GET('/api/operations/{operationId}/requests', { params: { path: { operationId: operation.id }, query: { limit: 50 } } }),
    )).items;
    expect(requests.map((request) => [request.subject, request.fromAgency.code, request.toAgency.code, request.state]).sort()).toEqual([
      ["Share the boat operator's statement", 'VN-BGC', 'KH-GDI', 'declined'],
      ['Take over two Vietnamese nationals from the longtail boat', 'KH-GDI', 'VN-BGC', 'completed'],
    ]);
    const handedOver = requests.find((request) => request.state === 'completed') as AgencyRequest;
    expect(handedOver.handover).toMatchObject({ persons: { adults: 2 }, nationalities: ['VN'], vehicle: 'KH river patrol boat KH-MEKONG-2' });
    expect(handedOver.handover?.fromConfirmed?.agencyId).toBe(handedOver.fromAgency.id);
    expect(handedOver.handover?.toConfirmed?.agencyId).toBe(handedOver.toAgency.id);
    const fromRequest = (await kh.call<{ items: { title: string; requestId: string | null }[] }>((client) =>
      client.GET('/api/operations/{operationId}/tasks', { params: { path: { operationId: operation.id }, query: { requestId: handedOver.id } } }),
    )).items;
    expect(fromRequest.map((task) => task.title)).toEqual(['Receive the two persons at the Vinh Xuong post']);
    expect(run.stdout).not.toContain('FAILED');
    expect(run.stdout).toMatch(/requests 8\b/);
  });

  it('stops cleanly on Ctrl-C: in-flight posts finish, a summary is printed, exit code 0', async () => {
    const run = startCli(simulate('--scenario', SHORT, '--speed', '1'));
    await run.waitFor(/TH-SADAO-1 +sitrep +"TEST: drill starting"/);
    run.child.kill('SIGINT');
    const { code, stdout } = await run.done;
    expect(code).toBe(0);
    expect(stdout).toContain('Ctrl-C: stopping');
    expect(stdout).toMatch(/── t\+00:00:0\d of 00:01:00 · positions (\d+)\/\1 stored · reports 1 · status changes \d · in flight 0\nstopped\n$/);
  });
});
