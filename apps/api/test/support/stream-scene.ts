import { Fixtures, signIn } from './fixtures';
import { connectOps, type OpsClient } from './ops-client';
import { startTestApp, type TestApp } from './test-app';

/** What the event-stream specs share: an app, one lead agency with a signed-in commander, and the sockets it opens. */
export interface StreamScene {
  t: TestApp;
  db: Fixtures;
  /** The lead agency's id. */
  lead: string;
  /** The commander's access token. */
  token: string;
  /** A socket signed in as the commander, closed after the spec. */
  open(): Promise<OpsClient>;
}

/**
 * Registers the scene's `beforeAll` and `afterAll` (call it in the `describe`, before the spec's own
 * hooks) and answers the scene, filled once its `beforeAll` has run. `agencyCode` keeps specs sharing
 * a database apart.
 */
export function useStreamScene(agencyCode: string): StreamScene {
  const sockets: OpsClient[] = [];
  const scene = {
    open: async () => {
      const socket = await connectOps(scene.t.baseUrl, scene.token);
      sockets.push(socket);
      return socket;
    },
  } as StreamScene;
  beforeAll(async () => {
    scene.t = await startTestApp();
    scene.db = await Fixtures.open(scene.t.database.url);
    scene.lead = (await scene.db.agency({ code: agencyCode })).id;
    const commander = await scene.db.user({ agencyId: scene.lead, role: 'commander' });
    scene.token = (await signIn(scene.t.baseUrl, commander.email)).accessToken;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await scene.db?.close();
    await scene.t?.close();
  });
  return scene;
}
