import type { UserRole } from '@lintas/contracts';
import { Clock } from '../../src/common/clock';
import { TaskingDeadlines } from '../../src/modules/tasking/tasking-deadlines';
import { arrangeOperation } from './arrange-operation';
import { Fixtures, signIn } from './fixtures';
import { connectOps, Feed, subscribe, type OpsClient } from './ops-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * The scene the tasking specs share (tasks and requests, watched areas): an app that takes many
 * writes a second, its injectable clock and deadline sweeper; agencies KH (the lead), VN and TH
 * (participants), ID (an observer) and any others (outsiders); a cast signed in; one operation.
 */
export interface TaskingScene {
  t: TestApp;
  db: Fixtures;
  clock: Clock;
  deadlines: TaskingDeadlines;
  operationId: string;
  /** Agency ids by key (`KH`, `VN`, `TH`, `ID`, and the outsiders named). */
  agency: Record<string, string>;
  /** Access tokens and user ids by cast name. */
  token: Record<string, string>;
  userId: Record<string, string>;
  /** Sockets the spec opens; closed after the spec. */
  sockets: OpsClient[];
  /** A live feed of the operation for each member of the cast named, subscribed. */
  feedsOf(names: readonly string[]): Promise<Record<string, Feed>>;
}

/**
 * Registers the scene's `beforeAll` and `afterAll` (call it in the `describe`, before the spec's own
 * hooks) and answers the scene, filled once its `beforeAll` has run. Agency codes end in `codeSuffix`
 * so that specs sharing a database do not collide.
 */
export function useTaskingScene(options: {
  codeSuffix: string;
  outsiders?: readonly string[];
  cast: readonly (readonly [name: string, agencyKey: string, role: UserRole])[];
}): TaskingScene {
  const scene = {
    agency: {},
    token: {},
    userId: {},
    sockets: [],
    feedsOf: async (names: readonly string[]) => {
      const feeds: Record<string, Feed> = {};
      for (const name of names) {
        const socket = await connectOps(scene.t.baseUrl, scene.token[name]);
        scene.sockets.push(socket);
        feeds[name] = new Feed(socket);
        expect((await subscribe(socket, { operationId: scene.operationId })).ok).toBe(true);
      }
      return feeds;
    },
  } as unknown as TaskingScene;
  beforeAll(async () => {
    scene.t = await startTestApp({ WRITES_PER_SECOND: '1000' });
    scene.db = await Fixtures.open(scene.t.database.url);
    scene.clock = scene.t.app.get(Clock);
    scene.deadlines = scene.t.app.get(TaskingDeadlines);
    for (const name of ['KH', 'VN', 'TH', 'ID', ...(options.outsiders ?? [])]) {
      scene.agency[name] = (await scene.db.agency({ code: `${name}-${options.codeSuffix}` })).id;
    }
    for (const [name, agencyKey, role] of options.cast) {
      const user = await scene.db.user({ agencyId: scene.agency[agencyKey], role });
      scene.userId[name] = user.id;
      scene.token[name] = (await signIn(scene.t.baseUrl, user.email)).accessToken;
    }
    const { agency } = scene;
    const members = [
      { agencyId: agency.VN, role: 'participant' as const },
      { agencyId: agency.TH, role: 'participant' as const },
      { agencyId: agency.ID, role: 'observer' as const },
    ];
    scene.operationId = (await arrangeOperation(scene.db, { leadAgencyId: agency.KH, members })).id;
  });
  afterAll(async () => {
    scene.clock?.set(null);
    for (const socket of scene.sockets) socket.close();
    await scene.db?.close();
    await scene.t?.close();
  });
  return scene;
}
