import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { pcapFileHeader, writePcapRecordHeader } from '../../core/capture/writer';
import { synthMix } from '../../core/capture/synth';
import { discoverFiles, type DiscoveryProgress } from './discovery';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'test/fixtures/pcaps');
const tmp = mkdtempSync(join(tmpdir(), 'wardwalk-disc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A synthetic pcap of n packets from `devices` devices. */
function synthFile(name: string, packets: number, devices: number): string {
  const parts: Uint8Array[] = [pcapFileHeader()];
  synthMix({ packets, devices, seed: 3 }, (f, ts) => {
    const r = new Uint8Array(16 + f.length);
    writePcapRecordHeader(r, 0, ts, f.length, f.length, false, true);
    r.set(f, 16);
    parts.push(r);
  });
  const path = join(tmp, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

describe('discoverFiles (streaming service)', () => {
  it('reads several files, reports progress up to the total, merges devices', async () => {
    const big = synthFile('mix.pcap', 30_000, 200);
    const progress: DiscoveryProgress[] = [];
    const r = await discoverFiles([big, join(FIX, 'linuxsll-arp.pcap')], { onProgress: (p) => progress.push(p), progressIntervalMs: 0, chunkSize: 64 * 1024 });
    expect(r.stats.packets).toBe(30_012);
    expect(r.stats.files).toBe(2);
    expect(r.devices.filter((d) => d.mac?.startsWith('00:1b:44')).length).toBe(200);
    expect(r.devices.some((d) => d.mac === '00:50:56:8b:cf:fa')).toBe(true);
    const first = progress.filter((p) => p.fileIndex === 0);
    expect(first.length).toBeGreaterThan(5);
    expect(first.at(-1)!.bytesRead).toBe(first.at(-1)!.bytesTotal);
    expect(first.every((p, i) => i === 0 || p.bytesRead >= first[i - 1]!.bytesRead)).toBe(true);
  });

  it('stops when the signal aborts and says so', async () => {
    const big = synthFile('mix2.pcap', 20_000, 50);
    const ac = new AbortController();
    const r = await discoverFiles([big], {
      signal: ac.signal,
      chunkSize: 16 * 1024,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.bytesRead > 100_000) ac.abort();
      },
    });
    expect(r.stats.cancelled).toBe(true);
    expect(r.stats.packets).toBeLessThan(20_000);
    expect(r.stats.warnings.join()).toMatch(/cancelled/);
  });

  it('turns a truncated file and an unsupported link type into warnings, keeping what came before', async () => {
    const whole = readFileSync(join(FIX, 'linuxsll-arp.pcap'));
    const cut = join(tmp, 'cut.pcap');
    writeFileSync(cut, whole.subarray(0, whole.length - 20));
    const r = await discoverFiles([cut, join(FIX, 'unsupported-link-type-160.pcap')]);
    expect(r.stats.packets).toBe(12);
    expect(r.stats.warnings.some((w) => /cut\.pcap: capture truncated/.test(w))).toBe(true);
    expect(r.stats.warnings.some((w) => /unsupported link type 160/.test(w))).toBe(true);
    expect(r.stats.unsupportedLinkTypes).toEqual({ '160': 1 });
    expect(r.devices.length).toBeGreaterThan(0);
  });

  it('rejects a missing file', async () => {
    await expect(discoverFiles([join(tmp, 'nope.pcap')])).rejects.toThrow(/ENOENT/);
  });
});

describe('wardwalk discover (CLI, end to end)', () => {
  const run = promisify(execFile);
  it('prints { devices, stats } as JSON from another working directory', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin/wardwalk.mjs'), 'discover', join(FIX, 'linuxsll-arp.pcap'), join(FIX, 'arp-leak.pcap'), '--json'], { cwd: tmpdir() });
    const out = JSON.parse(stdout) as { devices: Array<{ mac: string; ips: string[] }>; stats: { packets: number; violations: Record<string, number> } };
    expect(out.stats.packets).toBe(18);
    expect(out.stats.violations.arp).toBe(6); // arp-leak's hardware length 255
    expect(out.devices.find((d) => d.mac === '00:50:56:8b:cf:fa')?.ips).toEqual(['10.1.10.100']);
  });

  it('writes CSV to --out, progress to stderr with --progress, and exits 2 on bad usage', async () => {
    const out = join(tmp, 'devices.csv');
    const { stderr } = await run(process.execPath, [join(ROOT, 'bin/wardwalk.mjs'), 'discover', join(FIX, 'linuxsll-arp.pcap'), '--csv', '--out', out, '--progress']);
    expect(stderr).toMatch(/linuxsll-arp\.pcap: 100%/);
    const csv = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(csv[0]).toMatch(/^id,mac,ips,hostnames,router,ip_only,packets,first_seen,last_seen,.*evidence$/);
    expect(csv).toHaveLength(4);
    await expect(run(process.execPath, [join(ROOT, 'bin/wardwalk.mjs'), 'nonsense'])).rejects.toMatchObject({ code: 2 });
  });
});
