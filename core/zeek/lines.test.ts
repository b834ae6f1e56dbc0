import { describe, expect, it } from 'vitest';
import { LineSplitter } from './lines';
import { TarReader } from './tar';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('LineSplitter', () => {
  it('splits across chunk boundaries, inside multi-byte characters too', () => {
    const lines: string[] = [];
    const s = new LineSplitter(new TextDecoder(), (l) => lines.push(l));
    const bytes = new TextEncoder().encode('Bürgerspital\r\nSalle 3B — pompe\nlast');
    for (let i = 0; i < bytes.length; i += 3) s.push(bytes.subarray(i, i + 3));
    s.end();
    expect(lines).toEqual(['Bürgerspital\r', 'Salle 3B — pompe', 'last']);
  });

  it('drops over-long lines without growing a buffer, and counts them', () => {
    const lines: string[] = [];
    const s = new LineSplitter(new TextDecoder(), (l) => lines.push(l), 10);
    s.push(new TextEncoder().encode('short\n' + 'x'.repeat(25)));
    s.push(new TextEncoder().encode('y'.repeat(25) + '\nok\n'));
    s.end();
    expect(lines).toEqual(['short', 'ok']);
    expect(s.overlong).toBe(1);
  });
});

describe('TarReader', () => {
  it('reads entries of a real tar (long names included) chunk by chunk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-tar-'));
    try {
      const long = 'a-very-long-sensor-folder-name-that-needs-a-gnu-longname-header-because-it-is-long/2024-05-01';
      execFileSync('mkdir', ['-p', join(dir, 'src', long)]);
      writeFileSync(join(dir, 'src', long, 'conn.log'), 'line1\nline2\n');
      writeFileSync(join(dir, 'src', 'dhcp.log'), '');
      execFileSync('tar', ['--format=gnu', '-cf', join(dir, 'a.tar'), '-C', join(dir, 'src'), '.']);
      const bytes = readFileSync(join(dir, 'a.tar'));
      const got: { name: string; text: string }[] = [];
      let cur = '';
      const t = new TarReader({
        start: (name) => {
          cur = '';
          got.push({ name, text: '' });
        },
        data: (c) => (cur += Buffer.from(c).toString()),
        end: () => (got[got.length - 1]!.text = cur),
      });
      for (let i = 0; i < bytes.length; i += 700) t.push(bytes.subarray(i, i + 700));
      expect(t.error).toBeNull();
      expect(got.map((g) => g.name).sort()).toEqual([`./${long}/conn.log`, './dhcp.log']);
      expect(got.find((g) => g.name.endsWith('conn.log'))!.text).toBe('line1\nline2\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not a tar', () => {
    const t = new TarReader({ start: () => undefined, data: () => undefined, end: () => undefined });
    t.push(new Uint8Array(512).fill(65));
    expect(t.error).toMatch(/not a tar archive/);
    expect(t.finished).toBe(true);
  });
});
