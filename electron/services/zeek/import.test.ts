// Zeek's own logs are an independent oracle: what Wardwalk reads from dhcp.log, snmp.log, ssl.log
// and http.log must agree with what it finds itself in the capture those logs came from.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DiscoveryEngine } from '../../../core/discovery/engine';
import type { Device } from '../../../core/model/device';
import { ZeekLogParser } from '../../../core/zeek/parse';
import { ZeekIngest } from '../../../core/zeek/ingest';
import { discoverFiles } from '../discovery';
import { importZeek, sensorFromPath } from './import';

const FIX = resolve(import.meta.dirname, '../../../test/fixtures/zeek');

async function fromZeek(dir: string, files: string[], sensor = 'lab') {
  const engine = new DiscoveryEngine({ source: `zeek:${sensor}` });
  const stats = await importZeek(files.map((f) => join(FIX, dir, f)), engine, { sensor });
  return { devices: engine.devices(), stats };
}

async function fromPcap(trace: string) {
  return (await discoverFiles([join(FIX, 'traces', trace)])).devices;
}

/** Every fact (kind=value) known about an address, whichever device record holds it. */
function factsAt(devices: Device[], ip: string): Set<string> {
  const out = new Set<string>();
  for (const d of devices) if (d.ips.includes(ip) || d.id === `dev_ip_${ip}`) for (const e of d.evidence) out.add(`${e.kind}=${e.value}`);
  return out;
}

/** Records of one Zeek log, read with the same parser (the oracle's own rows). */
function rows(dir: string, file: string) {
  const p = new ZeekLogParser(file);
  return readFileSync(join(FIX, dir, file), 'utf8').split('\n').map((l) => p.line(l)).filter((r): r is Map<string, string> => !!r);
}

describe('Zeek logs agree with the capture they came from', () => {
  it('dhcp.log: every client MAC with its host name and address', async () => {
    const z = await fromZeek('dhcp.dhcp-all-msg-types', ['dhcp.log', 'conn.log']);
    const p = await fromPcap('dhcp.pcap');
    const oracle = rows('dhcp.dhcp-all-msg-types', 'dhcp.log').filter((r) => r.get('mac'));
    expect(oracle.length).toBeGreaterThan(0);
    for (const r of oracle) {
      const mac = r.get('mac')!;
      const zd = z.devices.find((d) => d.mac === mac);
      const pd = p.find((d) => d.mac === mac);
      expect(zd, `zeek device ${mac}`).toBeDefined();
      expect(pd, `pcap device ${mac}`).toBeDefined();
      if (r.get('host_name')) {
        expect(zd!.hostnames).toContain(r.get('host_name'));
        expect(pd!.hostnames).toContain(r.get('host_name'));
      }
      const ip = r.get('assigned_addr');
      if (ip) {
        expect(zd!.ips).toContain(ip);
        expect(pd!.ips).toContain(ip);
      }
      expect(zd!.evidence.every((e) => e.source === 'zeek:lab')).toBe(true);
    }
  });

  it('snmp.log: the agent and its sysDescr / version', async () => {
    let checked = 0;
    for (const [dir, trace] of [['snmp.snmp-crash-62790', 'snmp-crash-62790.pcap'], ['snmp.v3', 'snmpv3_get_next.pcap']] as const) {
      const z = await fromZeek(dir, ['snmp.log']);
      const p = await fromPcap(trace);
      for (const r of rows(dir, 'snmp.log')) {
        const agent = r.get('id.resp_h')!;
        if (agent.startsWith('127.')) continue; // loopback is never a device on the network
        checked++;
        const zf = factsAt(z.devices, agent);
        const pf = factsAt(p, agent);
        expect(zf.has(`snmp-version=${r.get('version')}`), `${dir} zeek version`).toBe(true);
        const descr = r.get('display_string');
        if (descr) {
          expect(zf).toContain(`snmp-sys-descr=${descr}`);
          expect(pf).toContain(`snmp-sys-descr=${descr}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('ssl.log + x509.log: SNI of the client and the server certificate subject', async () => {
    const z = await fromZeek('ssl.basic', ['ssl.log', 'x509.log']);
    const p = await fromPcap('tls-conn-with-extensions.pcap');
    const oracle = rows('ssl.basic', 'ssl.log');
    expect(oracle.length).toBeGreaterThan(0);
    for (const r of oracle) {
      const sni = r.get('server_name');
      if (!sni) continue;
      expect(factsAt(z.devices, r.get('id.orig_h')!)).toContain(`tls-sni=${sni}`);
      expect(factsAt(p, r.get('id.orig_h')!)).toContain(`tls-sni=${sni}`);
    }
  });

  it('x509 read after ssl still attaches the certificate (logs in any order)', () => {
    // The baseline's server is on the internet (certificates are kept only for local devices), so
    // the same records are replayed with the server moved to a hospital address.
    const ssl = rows('ssl.basic', 'ssl.log').map((r) => new Map(r).set('id.resp_h', '10.20.30.40'));
    const x509 = rows('ssl.basic', 'x509.log');
    const run = (order: 'x509-first' | 'ssl-first') => {
      const engine = new DiscoveryEngine({ source: 'zeek:lab' });
      const ingest = new ZeekIngest((o) => engine.addObservation(o));
      const feed = (type: string, rs: Map<string, string>[]) => rs.forEach((r) => ingest.record(type, r, 'lab', 1));
      if (order === 'x509-first') {
        feed('x509', x509);
        feed('ssl', ssl);
      } else {
        feed('ssl', ssl);
        feed('x509', x509);
      }
      return engine.devices().flatMap((d) => d.evidence.filter((e) => e.kind === 'tls-cert-subject').map((e) => `${d.id} ${e.value}`)).sort();
    };
    expect(run('x509-first')).toEqual(['dev_ip_10.20.30.40 CN=*.gstatic.com,O=Google Inc,L=Mountain View,ST=California,C=US']);
    expect(run('ssl-first')).toEqual(run('x509-first'));
  });

  it('http.log: user agents of the clients', async () => {
    for (const [dir, trace] of [['http.http-methods', 'methods.pcap'], ['http.100-continue', '100-continue.pcap']] as const) {
      const z = await fromZeek(dir, ['http.log']);
      const p = await fromPcap(trace);
      const agents = rows(dir, 'http.log').filter((r) => r.get('user_agent'));
      for (const r of agents.slice(0, 50)) {
        const f = `http-user-agent=${r.get('user_agent')}`;
        expect(factsAt(z.devices, r.get('id.orig_h')!), `${dir} zeek`).toContain(f);
        expect(factsAt(p, r.get('id.orig_h')!), `${dir} pcap`).toContain(f);
      }
    }
  });
});

describe('archives, formats and bad input', () => {
  it('reads the same facts from TSV, JSON lines, gzip and tar.gz, and names sensors', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ww-zeek-'));
    try {
      const tsv = readFileSync(join(FIX, 'dhcp.dhcp-all-msg-types/dhcp.log'));
      // JSON lines written from the TSV records.
      const json = rows('dhcp.dhcp-all-msg-types', 'dhcp.log')
        .map((r) => JSON.stringify(Object.fromEntries(r)))
        .join('\n');
      const dayDir = join(tmp, 'sensor-ward3', '2024-05-01');
      mkdirSync(dayDir, { recursive: true });
      writeFileSync(join(dayDir, 'dhcp.00:00:00-01:00:00.log.gz'), gzipSync(tsv));
      writeFileSync(join(tmp, 'dhcp.json'), json + '\nnot json at all\n{"ts":"x"}\n');
      const engineA = new DiscoveryEngine({ source: 'zeek:a' });
      const a = await importZeek([join(tmp, 'sensor-ward3')], engineA);
      expect(a.sensors).toEqual(['sensor-ward3']);
      const engineB = new DiscoveryEngine({ source: 'zeek:b' });
      const b = await importZeek([join(tmp, 'dhcp.json')], engineB, { sensor: 'b' });
      expect(b.malformedLines).toBe(1);
      // The baseline's timestamps are masked by btest (XXXXXXXXXX.XXXXXX): every record takes the file time.
      expect(b.untimed).toBe(rows('dhcp.dhcp-all-msg-types', 'dhcp.log').length + 1);
      const key = (ds: Device[]) => ds.map((d) => `${d.mac} ${d.hostnames.join(',')} ${d.ips.join(',')}`).sort();
      expect(key(engineB.devices())).toEqual(key(engineA.devices()));

      // A tar.gz of a sensor's days, built with the system tar.
      const { execFileSync } = await import('node:child_process');
      execFileSync('tar', ['-czf', join(tmp, 'archive.tgz'), '-C', tmp, 'sensor-ward3']);
      const engineC = new DiscoveryEngine({ source: 'zeek:c' });
      const c = await importZeek([join(tmp, 'archive.tgz')], engineC);
      expect(c.files, JSON.stringify(c)).toBe(1);
      expect(c.sensors).toEqual(['sensor-ward3']);
      expect(key(engineC.devices())).toEqual(key(engineA.devices()));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('counts unknown log types and damaged archives without failing', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ww-zeek-'));
    try {
      writeFileSync(join(tmp, 'weird.log'), readFileSync(join(FIX, 'http.http-methods/weird.log')));
      writeFileSync(join(tmp, 'broken.log.gz'), gzipSync(Buffer.from('#fields\tts\n1\n')).subarray(0, 12));
      writeFileSync(join(tmp, 'junk.tar'), Buffer.alloc(1024, 7));
      const engine = new DiscoveryEngine();
      const s = await importZeek([tmp], engine);
      expect(s.unknownTypes['weird']).toBeGreaterThan(0);
      expect(s.warnings.join('\n')).toMatch(/log types not used: weird/);
      expect(s.warnings.join('\n')).toMatch(/junk\.tar: not a tar archive/);
      expect(s.warnings.join('\n')).toMatch(/broken\.log\.gz: damaged gzip data/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('maps sensors and subnets to sites', async () => {
    const engine = new DiscoveryEngine();
    await importZeek([join(FIX, 'dhcp.dhcp-all-msg-types/dhcp.log')], engine, { sensor: 'north-span', siteMap: { sensors: { 'north-span': 'North Campus' } } });
    const sites = engine.devices().flatMap((d) => d.evidence.filter((e) => e.kind === 'site').map((e) => e.value));
    expect(sites.length).toBeGreaterThan(0);
    expect(new Set(sites)).toEqual(new Set(['North Campus']));
  });

  it('names a sensor from its folder, skipping dates and generic names', () => {
    expect(sensorFromPath('/nsm/zeek/logs/2024-01-01/conn.log.gz')).toBe('zeek');
    expect(sensorFromPath('/data/icu-span/logs/2024-01-01/conn.log.gz')).toBe('icu-span');
    expect(sensorFromPath('archive.tgz/ward3/2024-01-02/dhcp.log')).toBe('ward3');
  });
});
