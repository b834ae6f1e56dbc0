// SNMP decoder against Zeek's SNMP event dumps (v1, v2c, v3) and Arkime's session JSON.
import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureText, ndpiFlows, violations, zeekLog } from '../../helpers/app-capture';
import { systemOidArc } from '../../../core/decoders/snmp';

interface ZeekSnmpEvent {
  event: string;
  orig: string;
  resp: string;
  community?: string;
  varbinds: { oid: string; tag: string; value: string }[];
}

/** Zeek's snmp-test.zeek output: one block per event, "oid: X" / "value (tag=0xNN): V" lines. */
function zeekSnmp(text: string): ZeekSnmpEvent[] {
  const out: ZeekSnmpEvent[] = [];
  let cur: ZeekSnmpEvent | undefined;
  let oid = '';
  for (const line of text.split('\n')) {
    if (/^snmp_\w+$/.test(line)) {
      cur = { event: line, orig: '', resp: '', varbinds: [] };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    const c = /orig_h=([^,]+),.*resp_h=([^,]+),/.exec(line);
    if (c) {
      cur.orig = c[1]!;
      cur.resp = c[2]!;
    }
    const com = /^\s+\[community=(.*)\]$/.exec(line);
    if (com) cur.community = com[1]!;
    const o = /^\s+oid: (\S+)$/.exec(line);
    if (o) oid = o[1]!;
    const v = /^\s+value \(tag=(0x[0-9a-f]+)\): (.*)$/.exec(line);
    if (v) cur.varbinds.push({ oid, tag: v[1]!, value: v[2]! });
  }
  return out;
}

const KIND: Record<number, string> = {
  1: 'snmp-sys-descr', 2: 'snmp-sys-object-id', 4: 'snmp-sys-contact', 5: 'snmp-sys-name', 6: 'snmp-sys-location',
};

describe('snmp: Zeek event dump oracle', () => {
  for (const [pcap, out, version] of [
    ['zeek/Traces/snmp/snmpv1_get.pcap', 'zeek/Baseline/scripts.base.protocols.snmp.v1/out1', 'v1'],
    ['zeek/Traces/snmp/snmpv2_get.pcap', 'zeek/Baseline/scripts.base.protocols.snmp.v2/out1', 'v2c'],
  ] as const) {
    it(`${pcap}: community, version and every system-group varbind of each response`, () => {
      const d = decodeFixture(pcap);
      const events = zeekSnmp(fixtureText(out));
      const responses = events.filter((e) => e.event === 'snmp_response' || e.event.startsWith('snmp_trap'));
      expect(responses.length).toBeGreaterThan(0);
      let sys = 0;
      for (const e of responses) {
        const agent = e.resp;
        const mine = d.obs.filter((o) => o.ip === agent);
        expect(mine.filter((o) => o.kind === 'snmp-community').map((o) => o.value)).toContain(e.community);
        expect(mine.filter((o) => o.kind === 'snmp-version').map((o) => o.value)).toContain(version);
        for (const vb of e.varbinds) {
          const arc = systemOidArc(vb.oid);
          if (!KIND[arc] || (vb.tag !== '0x04' && vb.tag !== '0x06')) continue;
          expect(mine.filter((o) => o.kind === KIND[arc]).map((o) => o.value), vb.oid).toContain(vb.value);
          sys++;
        }
      }
      if (version === 'v1') expect(sys).toBeGreaterThan(0);
      expect(violations(d)).toEqual([]);
    });
  }

  it('snmpv3_get_next.pcap: only the version (v3) is kept, as in Zeek\'s snmp.log', () => {
    const d = decodeFixture('zeek/Traces/snmp/snmpv3_get_next.pcap');
    const log = zeekLog(fixtureText('zeek/Baseline/scripts.base.protocols.snmp.v3/snmp.log'));
    expect(log.map((r) => r['version'])).toEqual(['3']);
    const events = zeekSnmp(fixtureText('zeek/Baseline/scripts.base.protocols.snmp.v3/out1'));
    expect(events.length).toBeGreaterThan(0);
    const snmp = d.obs.filter((o) => o.proto === 'snmp');
    expect(new Set(snmp.map((o) => o.kind + '=' + o.value))).toEqual(new Set(['snmp-version=v3']));
  });

  it('Arkime SNMPv2c_get_requests: the community of each session is recorded against its agent', () => {
    const d = decodeFixture('arkime/SNMPv2c_get_requests.pcap');
    type S = { body: { snmp?: { community: string[]; type: string[] }; destination: { ip: string } } };
    const sessions = (JSON.parse(fixtureText('arkime/SNMPv2c_get_requests.test')) as { sessions3: S[] }).sessions3;
    let checked = 0;
    for (const s of sessions) {
      if (!s.body.snmp?.type.includes('GetResponse')) continue;
      const got = d.obs.filter((o) => o.kind === 'snmp-community' && o.ip === s.body.destination.ip).map((o) => o.value);
      for (const c of s.body.snmp.community) expect(got).toContain(c);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('nDPI snmp.pcap: every SNMP flow nDPI classifies is read, and the agent (port 161 side) gets the version', () => {
    const d = decodeFixture('ndpi/snmp.pcap');
    const flows = ndpiFlows(fixtureText('ndpi/snmp.pcap.out')).filter((f) => f.app === 'SNMP');
    expect(flows.length).toBeGreaterThan(5);
    for (const f of flows) {
      const agent = f.bPort === 161 ? f.b : f.aPort === 161 ? f.a : undefined;
      if (!agent) continue;
      expect(d.obs.some((o) => o.kind === 'snmp-version' && o.ip === agent), agent).toBe(true);
    }
  });

  it('malformed SNMP captures (tcpdump heap overflows, Zeek crash-62790, nDPI snmp) never throw', () => {
    for (const f of ['tcpdump/snmp-heapoverflow-1.pcap', 'tcpdump/snmp-heapoverflow-2.pcap', 'tcpdump/ip-snmp-leftshift-unsigned.pcap',
      'tcpdump/ip6-snmp-oid-unsigned.pcap', 'zeek/Traces/snmp/snmp-crash-62790.pcap', 'ndpi/snmp.pcap']) {
      expect(() => decodeFixture(f), f).not.toThrow();
    }
  });
});
