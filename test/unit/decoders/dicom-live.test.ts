// DICOM from a real implementation: Debian's dcmtk storescp listens on a loopback port, echoscu opens
// an association (C-ECHO) to it, tcpdump (started here) records it, and our decoder must yield both
// AE titles, dcmtk's implementation class UID (root 1.2.276.0.7230010.3, OFFIS) and version name.
// Needs root (to capture on lo) and the dcmtk + tcpdump packages; skipped with the reason otherwise.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../helpers/app-capture';

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = ['storescp', 'echoscu', 'tcpdump'].filter((c) => !which(c));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const skipReason = !isRoot ? 'not root: cannot capture on lo' : missing.length ? `missing: ${missing.join(', ')} (apt-get install dcmtk tcpdump)` : '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function waitFor(pred: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async (): Promise<void> => {
      if (await pred()) return resolve();
      if (Date.now() > until) return reject(new Error('timed out'));
      setTimeout(() => void tick(), 50);
    };
    void tick();
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

function stop(p: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (!p || p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill(signal);
    setTimeout(() => {
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    }, 3000);
  });
}

describe('dicom: live association captured from dcmtk on loopback', () => {
  it.skipIf(skipReason !== '')(`echoscu → storescp yields AE titles and dcmtk's implementation UID ${skipReason}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wardwalk-dicom-'));
    const file = join(dir, 'assoc.pcap');
    const port = await freePort();
    let dump: ChildProcess | undefined;
    let scp: ChildProcess | undefined;
    try {
      let dumpErr = '';
      dump = spawn('tcpdump', ['-i', 'lo', '--immediate-mode', '-U', '-n', '-s', '0', '-w', file, 'tcp', 'port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
      dump.stderr!.on('data', (b: Buffer) => (dumpErr += b.toString()));
      await waitFor(() => /listening on/.test(dumpErr), 10_000);
      scp = spawn('storescp', ['-aet', 'STORESCP', '--output-directory', dir, String(port)], { stdio: 'ignore' });
      await waitFor(() => canConnect(port), 10_000);
      execFileSync('echoscu', ['-aet', 'WARDTEST', '-aec', 'STORESCP', '127.0.0.1', String(port)], { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 300));
      await stop(dump, 'SIGINT');
      await stop(scp, 'SIGTERM');
      expect(existsSync(file)).toBe(true);
      const bytes = new Uint8Array(readFileSync(file));
      for (const mode of ['lenient', 'packet'] as const) {
        const d = decodeBytes(bytes, mode);
        const v = (k: string): string[] => [...new Set(d.obs.filter((o) => o.kind === k).map((o) => o.value))];
        expect(v('dicom-calling-ae'), mode).toEqual(['WARDTEST']);
        expect(v('dicom-called-ae'), mode).toEqual(['STORESCP']);
        const uids = v('dicom-impl-class-uid');
        expect(uids.length, mode).toBeGreaterThan(0);
        for (const u of uids) expect(u.startsWith('1.2.276.0.7230010.3')).toBe(true);
        const versions = v('dicom-impl-version');
        expect(versions.length).toBeGreaterThan(0);
        for (const ver of versions) expect(ver).toMatch(/^OFFIS_DCMTK_\d+/);
        // both the request (echoscu) and the accept (storescp) were read
        expect(d.obs.filter((o) => o.kind === 'dicom-impl-class-uid').length).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await stop(dump, 'SIGINT');
      await stop(scp, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
