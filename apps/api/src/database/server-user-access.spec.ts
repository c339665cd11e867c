import { firstClosedFolder, type ServerAccount } from './server-user-access';

const postgres: ServerAccount = { name: 'postgres', ids: { uid: 101, gids: [104] } };
const notCreatedYet: ServerAccount = { name: 'postgres', ids: null };

/** A fake file system: folder → owner, group and mode. */
function tree(folders: Record<string, [uid: number, gid: number, mode: number]>) {
  return (folder: string) => {
    const entry = folders[folder];
    if (!entry) throw Object.assign(new Error(`ENOENT ${folder}`), { code: 'ENOENT' });
    return { uid: entry[0], gid: entry[1], mode: entry[2] };
  };
}

describe('which folder the embedded server account cannot enter', () => {
  const checkoutIn = (mode: number) =>
    tree({ '/': [0, 0, 0o755], '/tmp': [0, 0, 0o1777], '/tmp/tmp.abc': [0, 0, mode], '/tmp/tmp.abc/node_modules': [0, 0, 0o755] });

  it('names a mode-700 folder of root on the way (a mktemp -d checkout)', () => {
    expect(firstClosedFolder('/tmp/tmp.abc/node_modules', postgres, checkoutIn(0o700))).toBe('/tmp/tmp.abc');
    expect(firstClosedFolder('/tmp/tmp.abc/node_modules', notCreatedYet, checkoutIn(0o700))).toBe('/tmp/tmp.abc');
  });

  it('accepts folders others may enter', () => {
    expect(firstClosedFolder('/tmp/tmp.abc/node_modules', postgres, checkoutIn(0o755))).toBeNull();
    expect(firstClosedFolder('/tmp/tmp.abc/node_modules', postgres, checkoutIn(0o711))).toBeNull();
  });

  it('reads the owner bits for the account that owns the folder, and the group bits for its groups', () => {
    const owned = tree({ '/': [0, 0, 0o755], '/data': [101, 0, 0o700] });
    expect(firstClosedFolder('/data', postgres, owned)).toBeNull();
    const grouped = tree({ '/': [0, 0, 0o755], '/data': [0, 104, 0o750] });
    expect(firstClosedFolder('/data', postgres, grouped)).toBeNull();
    expect(firstClosedFolder('/data', notCreatedYet, grouped)).toBe('/data');
  });

  it('stops at folders that do not exist yet (this process makes them)', () => {
    const fresh = tree({ '/': [0, 0, 0o755], '/srv': [0, 0, 0o755] });
    expect(firstClosedFolder('/srv/lintas/.lintas/pg', postgres, fresh)).toBeNull();
  });
});
