// DNS / mDNS / NBNS / SSDP decoders against real captures and other tools' decodes: tcpdump `.out`,
// Zeek dns.log, nDPI per-flow Hostname, Arkime session JSON, and a Wireshark field dump (DERIVED).
import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureText, ndpiFlows, tcpdumpFrames, zeekLog } from '../../helpers/app-capture';
import { serviceType, TXT_KEYS } from '../../../core/decoders/dns';

describe('dns: tcpdump .out oracle', () => {
  for (const [pcap, out] of [
    ['tcpdump/dns_udp.pcap', 'tcpdump/dns_udp-vvv.out'],
    ['tcpdump/dns_tcp.pcap', 'tcpdump/dns_tcp-vv.out'],
    ['tcpdump/edns-opts.pcap', 'tcpdump/edns-opts-vv.out'],
  ] as const) {
    it(`${pcap}: every query name tcpdump shows is a dns-query of the asking host`, () => {
      const d = decodeFixture(pcap);
      let checked = 0;
      for (const [n, block] of tcpdumpFrames(fixtureText(out))) {
        if (block.includes(' q: ')) continue; // a response
        const q = / \d+\+?%? (?:\[[^\]]+\] )*[A-Z0-9]+\? (\S*)\. /.exec(block);
        const src = /\n\s+([0-9.]+)\.\d+ > [0-9.]+\.53:/.exec(block)?.[1];
        if (!q || !src) continue;
        const got = d.obs.filter((o) => o.frame === n && o.kind === 'dns-query');
        expect(got.map((o) => o.value), `frame ${n}`).toContain(q[1]);
        expect(got.every((o) => o.ip === src)).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('nDPI dns.pcap: the flow Hostname nDPI reports is a dns-query of the client', () => {
    const d = decodeFixture('ndpi/dns.pcap');
    const flows = ndpiFlows(fixtureText('ndpi/dns.pcap.out')).filter((f) => f.host && (f.aPort === 53 || f.bPort === 53));
    expect(flows.length).toBeGreaterThan(0);
    for (const f of flows) {
      const client = f.aPort === 53 ? f.b : f.a;
      const asked = d.obs.filter((o) => o.kind === 'dns-query' && o.ip === client).map((o) => o.value.toLowerCase());
      expect(asked, `${client}`).toContain(f.host);
    }
  });

  it('Arkime dns-udp.test: queryHost of each session is a dns-query of its source', () => {
    const d = decodeFixture('arkime/dns-udp.pcap');
    const sessions = (JSON.parse(fixtureText('arkime/dns-udp.test')) as { sessions3: { body: Record<string, unknown> }[] }).sessions3;
    let checked = 0;
    for (const s of sessions) {
      const b = s.body as { dns?: { queryHost?: string }[]; source: { ip: string } };
      for (const q of b.dns ?? []) {
        if (!q.queryHost) continue;
        const asked = d.obs.filter((o) => o.kind === 'dns-query' && o.ip === b.source.ip).map((o) => o.value);
        expect(asked).toContain(q.queryHost);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('malformed DNS captures (tcpdump zlip compression loops, nDPI malformed_dns) never throw', () => {
    for (const f of ['tcpdump/dns-zlip-1.pcap', 'tcpdump/dns-zlip-3.pcap', 'ndpi/malformed_dns.pcap']) {
      const d = decodeFixture(f);
      expect(d.stats.violations['internal'] ?? 0, f).toBe(0);
    }
  });
});

describe('mdns: Zeek dns.log oracle', () => {
  it('mdns-no-assoc.pcap: queries are dns-query, answers bind the owner name to the answered address', () => {
    const d = decodeFixture('zeek/Traces/dns/mdns-no-assoc.pcap');
    const recs = zeekLog(fixtureText('zeek/Baseline/scripts.base.protocols.dns.mdns-no-assoc/dns.log'));
    expect(recs.length).toBe(6);
    for (const r of recs) {
      if (r['answers'] === '-') {
        expect(d.obs.some((o) => o.kind === 'dns-query' && o.value === r['query'] && o.ip === r['id.orig_h'])).toBe(true);
      } else {
        for (const a of r['answers']!.split(',')) {
          expect(d.obs.some((o) => o.kind === 'hostname' && o.value === r['query'] && o.ip === a), `${r['query']} ${a}`).toBe(true);
        }
      }
    }
  });
});

describe('dns-sd: a real IoT camera (IoT Sentinel D-LinkCam setup capture) against Wireshark (DERIVED)', () => {
  it('instance names, service types, SRV ports, identity TXT keys and A-record host names, frame by frame', () => {
    const d = decodeFixture('iot-sentinel/D-LinkCam__Setup-C-7-STA.pcap');
    const rows = fixtureText('iot-sentinel/DERIVED-D-LinkCam.mdns.tshark.tsv').trim().split('\n').slice(1);
    let instances = 0;
    let txt = 0;
    for (const row of rows) {
      const [frame, src, ptrs, ports, txts, as] = row.split('\t');
      const n = Number(frame);
      const mine = (k: string): string[] => d.obs.filter((o) => o.frame === n && o.kind === k).map((o) => o.value);
      for (const t of (ptrs ?? '').split('|').filter(Boolean)) {
        const svc = serviceType(t);
        if (!svc) continue;
        expect(mine('mdns-service'), `frame ${n}`).toContain(svc);
        if (!t.startsWith('_')) {
          expect(mine('mdns-instance'), `frame ${n}`).toContain(t);
          instances++;
        }
      }
      for (const p of (ports ?? '').split('|').filter(Boolean)) expect(mine('service')).toContain(`tcp/${p}`);
      for (const kvp of (txts ?? '').split('|').filter(Boolean)) {
        const key = kvp.slice(0, kvp.indexOf('=')).toLowerCase();
        if (!TXT_KEYS.has(key)) continue;
        expect(mine('mdns-txt'), `frame ${n}`).toContain(kvp);
        txt++;
      }
      for (const a of (as ?? '').split('|').filter(Boolean)) {
        expect(d.obs.some((o) => o.frame === n && o.kind === 'hostname' && o.ip === a), `frame ${n} A ${a}`).toBe(true);
      }
      expect(d.obs.filter((o) => o.frame === n && o.kind.startsWith('mdns')).every((o) => o.ip === src)).toBe(true);
    }
    expect(instances).toBeGreaterThan(5);
    expect(txt).toBeGreaterThan(5);
    // the camera's model, from TXT, reaches an observation of the camera's own MAC (labels.csv)
    expect(d.obs.some((o) => o.kind === 'mdns-txt' && o.value === 'model_number=DCS-935L' && o.mac === 'b0:c5:54:25:5b:0e')).toBe(true);
  });
});

describe('nbns: nDPI netbios.pcap.out oracle', () => {
  it('each NetBIOS-NS flow Hostname nDPI shows is a name our decoder read from that flow', () => {
    const d = decodeFixture('ndpi/netbios.pcap');
    const flows = ndpiFlows(fixtureText('ndpi/netbios.pcap.out')).filter((f) => f.app === 'NetBIOS' && f.bPort === 137 && f.host && f.host !== '*');
    expect(flows.length).toBeGreaterThan(3);
    for (const f of flows) {
      const names = d.obs
        .filter((o) => o.proto === 'nbns' && (o.kind === 'dns-query' || o.kind === 'nbns-name') && (o.ip === f.a || o.ip === f.b))
        .map((o) => o.value.toLowerCase());
      expect(names, `${f.a} → ${f.b}`).toContain(f.host);
    }
  });

  it('tcpdump nbns-valgrind (malformed) never throws', () => {
    expect(decodeFixture('tcpdump/nbns-valgrind.pcap').stats.violations['internal'] ?? 0).toBe(0);
  });
});

describe('ssdp: Wireshark field dump (DERIVED) oracle', () => {
  it('raw_packets.pcap NOTIFYs: SERVER, LOCATION, NT, USN per frame', () => {
    const d = decodeFixture('zeek/Traces/raw_packets.pcap');
    const rows = fixtureText('zeek/DERIVED-raw_packets.ssdp.tshark.tsv').trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const [frame, src, server, location, unknown] = row.split('\t');
      const n = Number(frame);
      const mine = (k: string): string[] => d.obs.filter((o) => o.frame === n && o.kind === k && o.ip === src).map((o) => o.value);
      if (server) expect(mine('ssdp-server')).toEqual([server]);
      if (location) expect(mine('ssdp-location')).toEqual([location]);
      const hdr = (name: string): string | undefined =>
        (unknown ?? '').split('\\r\\n,').map((h) => h.replace(/\\r\\n$/, '')).find((h) => h.startsWith(name + ': '))?.slice(name.length + 2);
      const nt = hdr('NT');
      const usn = hdr('USN');
      if (nt) expect(mine('ssdp-nt')).toEqual([nt]);
      if (usn) expect(mine('ssdp-usn')).toEqual([usn]);
    }
  });
});
