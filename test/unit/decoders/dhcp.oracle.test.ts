// DHCPv4 and DHCPv6 decoders against real captures, field by field: tcpdump's own text decodes
// (`*.out`) and Zeek's dhcp.log baselines are parsed here and compared with what our decoders emit.
import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureText, tcpdumpFrames, zeekLog } from '../../helpers/app-capture';
import type { DecodedCapture } from '../../helpers/app-capture';

function has(d: DecodedCapture, frame: number, kind: string, value: string, mac?: string): boolean {
  return d.obs.some((o) => o.frame === frame && o.kind === kind && o.value === value && (mac === undefined || o.mac === mac));
}

const TCPDUMP_DHCP: [string, string][] = [
  ['tcpdump/dhcp-rfc3004.pcap', 'tcpdump/dhcp-rfc3004-v.out'],
  ['tcpdump/dhcp-rfc5859.pcap', 'tcpdump/dhcp-rfc5859-v.out'],
  ['tcpdump/dhcp-mud.pcap', 'tcpdump/dhcp-mud.out'],
  ['tcpdump/dhcp-option-33.pcap', 'tcpdump/dhcp-option-33.out'],
  ['tcpdump/dhcp-option-108.pcapng', 'tcpdump/dhcp-option-108.out'],
];

/** Parameter-Request codes as tcpdump prints them: "Subnet-Mask (1), Default-Gateway (3)…" over several lines. */
function prlFromBlock(block: string): string | undefined {
  const lines = block.split('\n');
  const i = lines.findIndex((l) => /Parameter-Request \(55\)/.test(l));
  if (i < 0) return undefined;
  const codes: string[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (!/^\t {6}/.test(l)) break; // continuation lines are indented deeper than option lines
    for (const m of l.matchAll(/\((\d+)\)/g)) codes.push(m[1]!);
  }
  return codes.join(',');
}

describe('dhcp: tcpdump .out oracle', () => {
  for (const [pcap, out] of TCPDUMP_DHCP) {
    it(`${pcap}: chaddr, hostname, vendor class, PRL, client id, requested IP, max size, yiaddr`, () => {
      const d = decodeFixture(pcap);
      const frames = tcpdumpFrames(fixtureText(out));
      let checked = 0;
      for (const [n, block] of frames) {
        const req = /BOOTP\/DHCP, Request from ([0-9a-f:]{17})/.exec(block);
        if (req) {
          const mac = req[1]!;
          const host = /Hostname \(12\), length \d+: "(.*)"/.exec(block)?.[1];
          if (host !== undefined) expect(has(d, n, 'hostname', host, mac), `frame ${n} hostname ${host}`).toBe(true);
          const vc = /Vendor-Class \(60\), length \d+: "(.*)"/.exec(block)?.[1];
          if (vc !== undefined) expect(has(d, n, 'dhcp-vendor-class', vc, mac), `frame ${n} vendor ${vc}`).toBe(true);
          const prl = prlFromBlock(block);
          if (prl !== undefined) expect(has(d, n, 'dhcp-prl', prl, mac), `frame ${n} prl ${prl}`).toBe(true);
          const cid = /Client-ID \(61\), length \d+: ether ([0-9a-f:]{17})/.exec(block)?.[1];
          if (cid) expect(has(d, n, 'dhcp-client-id', '01' + cid.replace(/:/g, ''), mac), `frame ${n} client id`).toBe(true);
          const rip = /Requested-IP \(50\), length 4: (\S+)/.exec(block)?.[1];
          if (rip) expect(has(d, n, 'dhcp-requested-ip', rip, mac)).toBe(true);
          const msz = /MSZ \(57\), length 2: (\d+)/.exec(block)?.[1];
          if (msz) expect(has(d, n, 'dhcp-max-size', msz, mac)).toBe(true);
          checked++;
        }
        const reply = /BOOTP\/DHCP, Reply/.test(block);
        const your = /Your-IP (\S+)/.exec(block)?.[1];
        const chaddr = /Client-Ethernet-Address ([0-9a-f:]{17})/.exec(block)?.[1];
        const type = /DHCP-Message \(53\), length 1: (\w+)/.exec(block)?.[1];
        if (reply && your && chaddr && (type === 'ACK' || type === 'Offer' || type === 'OFFER')) {
          expect(has(d, n, 'ip', your, chaddr), `frame ${n} yiaddr ${your}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(Object.keys(d.stats.violations).filter((k) => k.includes('dhcp'))).toEqual([]);
    });
  }
});

describe('dhcp: Zeek dhcp.log oracle', () => {
  const cases: [string, string][] = [
    ['zeek/Traces/dhcp/dhcp.pcap', 'zeek/Baseline/scripts.base.protocols.dhcp.dhcp-all-msg-types/dhcp.log'],
    ['zeek/Traces/dhcp/dhcp_discover_param_req_and_client_id.pcap', 'zeek/Baseline/scripts.base.protocols.dhcp.dhcp-discover-msg-types/dhcp.log'],
    ['zeek/Traces/dhcp/dhcp_ack_subscriber_id_and_agent_remote_id.pcap', 'zeek/Baseline/scripts.base.protocols.dhcp.dhcp-ack-msg-types/dhcp.log'],
  ];
  for (const [pcap, log] of cases) {
    it(`${pcap}: mac, host_name, requested_addr, assigned_addr, client_fqdn`, () => {
      const d = decodeFixture(pcap);
      const recs = zeekLog(fixtureText(log));
      expect(recs.length).toBeGreaterThan(0);
      for (const r of recs) {
        const mine = d.obs.filter((o) => o.mac === r['mac']);
        expect(mine.length, `observations for ${r['mac']}`).toBeGreaterThan(0);
        const val = (k: string): string[] => mine.filter((o) => o.kind === k).map((o) => o.value);
        if (r['host_name'] !== '-') expect(val('hostname')).toContain(r['host_name']);
        if (r['client_fqdn'] !== '-') expect(val('fqdn')).toContain(r['client_fqdn']);
        if (r['requested_addr'] !== '-') expect(val('dhcp-requested-ip')).toContain(r['requested_addr']);
        if (r['assigned_addr'] !== '-') expect(val('ip')).toContain(r['assigned_addr']);
      }
    });
  }

  it('hw-type0.pcap: the client id Zeek prints (hwtype 0 + text) is our dhcp-client-id, in hex', () => {
    const d = decodeFixture('zeek/Traces/dhcp/hw-type0.pcap');
    const m = /client_id option, \[hwtype=(\d+), hwaddr=(.*)\]/.exec(fixtureText('zeek/Baseline/scripts.base.protocols.dhcp.hw-type0/out'));
    expect(m).not.toBeNull();
    const want = Number(m![1]).toString(16).padStart(2, '0') + Array.from(m![2]!, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    expect(d.obs.filter((o) => o.kind === 'dhcp-client-id').map((o) => o.value)).toContain(want);
  });

  it('malformed Zeek/tcpdump/nDPI DHCP captures decode without an exception', () => {
    for (const f of ['zeek/Traces/dhcp/hw-type0.pcap', 'zeek/Traces/dhcp/dhcp_bad_cookie_option_retention.pcap',
      'tcpdump/bootp_asan.pcap', 'tcpdump/bootp_asan-2.pcap', 'ndpi/dhcp-fuzz.pcapng']) {
      const d = decodeFixture(f);
      expect(d.stats.violations['internal'] ?? 0, f).toBe(0);
    }
  });
});

describe('dhcpv6: tcpdump .out oracle', () => {
  const cases: [string, string][] = [
    ['tcpdump/dhcpv6-ia-na.pcap', 'tcpdump/dhcpv6-ia-na.out'],
    ['tcpdump/dhcpv6-domain-list.pcap', 'tcpdump/dhcpv6-domain-list.out'],
    ['tcpdump/dhcpv6-ntp-server.pcap', 'tcpdump/dhcpv6-ntp-server.out'],
    ['tcpdump/dhcpv6-rfc6355-duid-uuid.pcap', 'tcpdump/dhcpv6-rfc6355-duid-uuid.out'],
    ['tcpdump/dhcpv6-rfc8415-duid-type2.pcap', 'tcpdump/dhcpv6-rfc8415-duid-type2.out'],
  ];
  for (const [pcap, out] of cases) {
    it(`${pcap}: client DUID (LL/LLT MAC, UUID, EN) and the addresses a REPLY hands out`, () => {
      const d = decodeFixture(pcap);
      let checked = 0;
      for (const [n, block] of tcpdumpFrames(fixtureText(out))) {
        const msg = /dhcp6 ([a-z-]+)/.exec(block)?.[1] ?? '';
        const client = ['solicit', 'request', 'renew', 'rebind', 'confirm', 'release', 'decline', 'inf-req'].includes(msg);
        const cid = /\(client-ID (?:hwaddr(?:\/time)? type 1(?: time \d+)? ([0-9a-f]{12})|uuid ([0-9a-f]{32})|enterprise (\d+) ([0-9a-f]+))\)/.exec(block);
        if (client && cid) {
          const duids = d.obs.filter((o) => o.frame === n && o.kind === 'dhcpv6-duid').map((o) => o.value);
          expect(duids.length, `frame ${n}`).toBe(1);
          if (cid[1]) {
            const mac = cid[1].match(/../g)!.join(':');
            expect(has(d, n, 'dhcpv6-duid-mac', mac), `frame ${n} DUID MAC ${mac}`).toBe(true);
            expect(duids[0]!.endsWith(cid[1])).toBe(true);
          } else if (cid[2]) {
            expect(duids[0]).toBe('0004' + cid[2]);
          } else if (cid[3]) {
            expect(duids[0]).toBe('0002' + Number(cid[3]).toString(16).padStart(8, '0') + cid[4]);
          }
          checked++;
        }
        if (msg === 'reply' || msg === 'advertise') {
          // a server's message carries the client's DUID too: it must not be pinned on the server
          expect(d.obs.some((o) => o.frame === n && o.kind === 'dhcpv6-duid'), `frame ${n}`).toBe(false);
          checked++;
        }
        if (msg === 'reply') {
          for (const m of block.matchAll(/\(IA_ADDR ([0-9a-f:]+) /g)) {
            expect(has(d, n, 'ip', m[1]!), `frame ${n} IA_ADDR ${m[1]}`).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('tcpdump dhcpv6-vendor-specific-information: relayed request, vendor class docsis3.0, no violation', () => {
    const d = decodeFixture('tcpdump/dhcpv6-vendor-specific-information.pcap');
    const out = fixtureText('tcpdump/dhcpv6-vendor-specific-information-vv.out');
    expect(out).toContain('dhcp6 relay-fwd');
    expect(Object.keys(d.stats.violations)).toEqual([]);
  });

  it('malformed tcpdump dhcp6_reconf_asan decodes without an exception', () => {
    const d = decodeFixture('tcpdump/dhcp6_reconf_asan.pcap');
    expect(d.stats.violations['internal'] ?? 0).toBe(0);
  });

  it('Arkime wireshark-dhcpv6: every session whose client speaks (SOLICIT/REQUEST/RELEASE) yields its DUID against its MAC', () => {
    const d = decodeFixture('arkime/wireshark-dhcpv6.pcap');
    type S = { body: { dhcp?: { type: string[] }; source: { mac: string[]; ip: string } } };
    const sessions = (JSON.parse(fixtureText('arkime/wireshark-dhcpv6.test')) as { sessions3: S[] }).sessions3.filter((s) => s.body.dhcp);
    expect(sessions.length).toBe(3);
    for (const s of sessions) {
      expect(s.body.dhcp!.type.some((t) => ['SOLICIT', 'REQUEST', 'RELEASE'].includes(t))).toBe(true);
      const duids = d.obs.filter((o) => o.kind === 'dhcpv6-duid' && o.mac === s.body.source.mac[0] && o.ip === s.body.source.ip);
      expect(duids.length).toBeGreaterThan(0);
    }
  });
});
