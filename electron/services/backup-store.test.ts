import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupStore } from './backup-store';
import { makeSnapshot, serializeSnapshot } from '../../core/model/snapshot';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'ww-backup-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const snap = (n: number, pad = 0) =>
  serializeSnapshot(makeSnapshot({ sites: [{ id: `s${n}`, name: 'x'.repeat(pad) }] }, { schemaVersion: 2, appVersion: 't', createdAt: n }));

describe('BackupStore', () => {
  it('keeps only the last N backups, newest first', async () => {
    let t = Date.UTC(2026, 0, 1);
    const store = new BackupStore(tmp(), 3, () => (t += 60_000));
    for (let i = 0; i < 5; i++) await store.write(snap(i), 'timer');
    const list = await store.list();
    expect(list).toHaveLength(3);
    expect(JSON.parse(await store.read(list[0]!.name)).tables.sites[0].id).toBe('s4');
    expect(JSON.parse(await store.read(list[2]!.name)).tables.sites[0].id).toBe('s2');
  });

  it('refuses to write a damaged snapshot and to read a damaged backup', async () => {
    const dir = tmp();
    const store = new BackupStore(dir, 3);
    await expect(store.write('{"format":"nope"}', 'manual')).rejects.toThrow(/Backup refused/);
    const info = await store.write(snap(1), 'manual');
    const path = join(dir, info.name);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"s1"', '"s9"'));
    await expect(store.read(info.name)).rejects.toThrow(/checksum/);
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/not a Wardwalk backup name/);
  });

  it('on a full disk says so and leaves earlier backups intact', async () => {
    if (process.getuid?.() !== 0) return void console.warn('skipped: needs root to mount a tiny tmpfs');
    const dir = tmp();
    const mnt = join(dir, 'small');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
    try {
      const store = new BackupStore(mnt, 5);
      const first = await store.write(snap(1), 'manual');
      await expect(store.write(snap(2, 200_000), 'timer')).rejects.toThrow(/disk is full/);
      const names = readdirSync(mnt);
      expect(names).toEqual([first.name]); // no temp file left, earlier backup untouched
      expect(JSON.parse(await store.read(first.name)).tables.sites[0].id).toBe('s1');
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
