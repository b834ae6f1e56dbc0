// Rotating automatic backups of the whole database, written by the main side into the user-data
// folder (Actual Budget backs up every 15 minutes; Electron apps have lost IndexedDB stores on full
// disks and after updates, so a copy outside IndexedDB is the last line of defence).
// Writes are atomic (temp file + rename): a failed write never damages an existing backup.
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readSnapshot } from '../../core/model/snapshot';
import { DB_SCHEMA_VERSION, TABLE_KEYS } from '../../core/model/tables';
import { UserFacingError } from '../../core/ipc/define';
import type { BackupInfo } from '../../core/ipc/app';

export const BACKUP_NAME_RE = /^wardwalk-backup-[0-9TZ-]+(-[a-z-]+)?\.json$/;

export class BackupStore {
  constructor(
    readonly dir: string,
    readonly keep = 10,
    private readonly now: () => number = Date.now,
  ) {}

  async write(snapshotText: string, reason: string): Promise<BackupInfo> {
    const checked = readSnapshot(snapshotText, TABLE_KEYS, DB_SCHEMA_VERSION);
    if (!checked.ok) throw new UserFacingError(`Backup refused: ${checked.reason}`);
    await mkdir(this.dir, { recursive: true });
    const createdAt = this.now();
    const stamp = new Date(createdAt).toISOString().replace(/[:.]/g, '-');
    const name = `wardwalk-backup-${stamp}-${reason.replace(/[^a-z-]/g, '')}.json`;
    const final = join(this.dir, name);
    const tmp = final + '.tmp';
    try {
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(snapshotText, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, final);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        throw new UserFacingError(
          'The automatic backup could not be written: the disk is full. Your data is still in the app and earlier backups are untouched.',
          'Free some disk space, then choose "Back up now".',
        );
      }
      throw new UserFacingError(`The automatic backup could not be written (${code ?? 'error'}). Earlier backups are untouched.`);
    }
    await this.rotate();
    return { name, createdAt, bytes: Buffer.byteLength(snapshotText), reason };
  }

  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: BackupInfo[] = [];
    for (const name of names) {
      if (!BACKUP_NAME_RE.test(name)) continue;
      const st = await stat(join(this.dir, name)).catch(() => undefined);
      if (!st) continue;
      const reason = /-([a-z-]+)\.json$/.exec(name)?.[1]?.replace(/^-/, '') ?? '';
      out.push({ name, createdAt: st.mtimeMs, bytes: st.size, reason });
    }
    // Names carry an ISO timestamp, so name order is time order.
    return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  }

  async read(name: string): Promise<string> {
    if (!BACKUP_NAME_RE.test(name)) throw new UserFacingError('That is not a Wardwalk backup name.');
    const text = await readFile(join(this.dir, name), 'utf8').catch(() => {
      throw new UserFacingError(`The backup ${name} could not be read.`);
    });
    const checked = readSnapshot(text, TABLE_KEYS, DB_SCHEMA_VERSION);
    if (!checked.ok) throw new UserFacingError(`The backup ${name} cannot be restored: ${checked.reason}`);
    return text;
  }

  private async rotate(): Promise<void> {
    const all = await this.list();
    for (const old of all.slice(this.keep)) await rm(join(this.dir, old.name), { force: true });
  }
}

