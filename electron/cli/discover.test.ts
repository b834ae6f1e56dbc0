// `wardwalk discover` over a capture and Zeek logs together: one device list, identified, with the
// Zeek sensor as the evidence source, warnings on stderr.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { run } from './discover';
import type { Device } from '../../core/model/device';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'wardwalk-discover-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io(): CliIo & { err: string } {
  const o: CliIo & { err: string } = {
    err: '',
    stderrIsTty: false,
    stdout: () => undefined,
    stderr: (s: string) => {
      o.err += s;
    },
    writeFile: async (path, text) => writeFileSync(path, text),
  };
  return o;
}

describe('wardwalk discover with Zeek logs', () => {
  it('merges a capture and a Zeek log folder into one identified device list', async () => {
    const out = join(tmp, 'out.json');
    const sites = join(tmp, 'sites.json');
    writeFileSync(sites, JSON.stringify({ sensors: { ward3: 'St Mary — North Wing' } }));
    const o = io();
    const code = await run([join(ROOT, 'test/fixtures/pcaps/3560_CDP.pcap'), join(ROOT, 'test/fixtures/zeek/dhcp.dhcp-all-msg-types'), '--sensor', 'ward3', '--sites', sites, '--out', out], o);
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8')) as { devices: Device[]; stats: { zeek: { sensors: string[]; byType: Record<string, number> } } };
    const sw = r.devices.find((d) => d.mac === '00:19:06:ea:b8:85')!;
    expect(sw.identity?.type?.value).toBe('switch');
    const pc = r.devices.find((d) => d.mac === '90:b1:1c:99:49:29')!;
    expect(pc.hostnames).toContain('btest.is.cool');
    expect(pc.evidence.every((e) => e.source === 'zeek:ward3')).toBe(true);
    expect(pc.evidence.find((e) => e.kind === 'site')?.value).toBe('St Mary — North Wing');
    expect(r.stats.zeek.sensors).toEqual(['ward3']);
    expect(r.stats.zeek.byType['dhcp']).toBeGreaterThan(0);
    expect(r.stats.zeek.byType['conn']).toBeGreaterThan(0);
  });

  it('refuses a bad site map with a clear message', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{oops');
    const o = io();
    expect(await run([join(ROOT, 'test/fixtures/zeek/dhcp.dhcp-all-msg-types'), '--sites', bad], o)).toBe(2);
    expect(o.err).toMatch(/--sites .*bad\.json/);
  });
});
