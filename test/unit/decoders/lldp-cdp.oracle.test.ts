// LLDP and CDP decoders against tcpdump's text decodes of real captures, field by field.
import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureText, tcpdumpFrames } from '../../helpers/app-capture';
import type { DecodedCapture } from '../../helpers/app-capture';
import { CDP_CAPS } from '../../../core/decoders/cdp';

function vals(d: DecodedCapture, frame: number, kind: string): string[] {
  return d.obs.filter((o) => o.frame === frame && o.kind === kind).map((o) => o.value);
}

const LLDP_CAP_NAMES: Record<string, string> = {
  Other: 'other', Repeater: 'repeater', Bridge: 'bridge', 'WLAN AP': 'wlan-ap', Router: 'router',
  Telephone: 'telephone', 'DOCSIS device': 'docsis', 'Station Only': 'station',
};

describe('lldp: tcpdump .out oracle', () => {
  for (const [pcap, out] of [
    ['tcpdump/lldp_mudurl.pcap', 'tcpdump/lldp_mudurl-vv.out'],
    ['tcpdump/lldp-app-priority.pcap', 'tcpdump/lldp-app-priority.out'],
  ] as const) {
    it(`${pcap}: chassis id, port id, system name/description, port description, capabilities, mgmt addresses`, () => {
      const d = decodeFixture(pcap);
      let checked = 0;
      for (const [n, block] of tcpdumpFrames(fixtureText(out))) {
        const lines = block.split('\n');
        const after = (re: RegExp): string | undefined => {
          const i = lines.findIndex((l) => re.test(l));
          return i < 0 ? undefined : lines[i + 1];
        };
        const chassis = /Subtype [^(]+\(\d\): (.+)$/.exec(after(/Chassis ID TLV \(1\)/) ?? '')?.[1];
        if (chassis) expect(vals(d, n, 'lldp-chassis-id'), `frame ${n}`).toEqual([chassis]);
        const port = /Subtype [^(]+\(\d\): (.+)$/.exec(after(/Port ID TLV \(2\)/) ?? '')?.[1];
        if (port) expect(vals(d, n, 'lldp-port-id')).toEqual([port]);
        const name = /System Name TLV \(5\), length \d+: (.+)$/m.exec(block)?.[1];
        if (name) expect(vals(d, n, 'lldp-system-name')).toEqual([name]);
        const pdesc = /Port Description TLV \(4\), length \d+: (.+)$/m.exec(block)?.[1];
        if (pdesc) expect(vals(d, n, 'lldp-port-desc')).toEqual([pdesc]);
        const sdesc = after(/System Description TLV \(6\)/)?.trim();
        if (sdesc) expect(vals(d, n, 'lldp-system-desc')[0]?.startsWith(sdesc), `frame ${n} ${sdesc}`).toBe(true);
        const en = /Enabled Capabilities \[([^\]]*)\]/.exec(block)?.[1];
        if (en !== undefined) {
          const want = en.split(', ').filter(Boolean).map((c) => LLDP_CAP_NAMES[c] ?? c);
          expect(vals(d, n, 'lldp-capabilities')).toEqual([want.sort((a, b) => order(a) - order(b)).join(',')]);
        }
        const mgmt = [...block.matchAll(/Management Address length \d+, AFI IPv[46] \(\d\): (\S+)/g)].map((m) => m[1]!);
        expect(vals(d, n, 'lldp-mgmt-addr')).toEqual(mgmt);
        if (chassis) checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('lldp_8021_linkagg (no mandatory TLVs) is a violation, never an exception', () => {
    const d = decodeFixture('tcpdump/lldp_8021_linkagg.pcap');
    expect(d.obs.filter((o) => o.proto === 'lldp')).toEqual([]);
    expect(d.stats.violations['internal'] ?? 0).toBe(0);
  });

  it('malformed tcpdump LLDP/UDLD regression captures decode without an exception', () => {
    for (const f of ['tcpdump/lldp_asan.pcap', 'tcpdump/lldp-infinite-loop-1.pcap', 'tcpdump/lldp_mgmt_addr_tlv_asan.pcap',
      'tcpdump/lldp_8023_mtu-oobr.pcap', 'tcpdump/udld-inf-loop-1.pcapng', 'zeek/Traces/lldp.pcap']) {
      expect(decodeFixture(f).stats.violations['internal'] ?? 0, f).toBe(0);
    }
  });
});

function order(c: string): number {
  return ['other', 'repeater', 'bridge', 'wlan-ap', 'router', 'telephone', 'docsis', 'station'].indexOf(c);
}

describe('cdp: tcpdump .out oracle', () => {
  it('3560_CDP.pcap: device id, platform, software, port id, capabilities, addresses, switch-port', () => {
    const d = decodeFixture('tcpdump/3560_CDP.pcap');
    const frames = tcpdumpFrames(fixtureText('tcpdump/cdp-v.out'));
    expect(frames.size).toBeGreaterThan(0);
    for (const [n, block] of frames) {
      const q = (re: RegExp): string | undefined => re.exec(block)?.[1];
      const dev = q(/Device-ID \(0x0001\), value length: \d+ bytes?: '(.*)'/);
      const platform = q(/Platform \(0x0006\), value length: \d+ bytes?: '(.*)'/);
      const port = q(/Port-ID \(0x0003\), value length: \d+ bytes?: '(.*)'/);
      const sw = q(/Version String \(0x0005\), value length: \d+ bytes?: \n\t {2}(.*)/);
      const caps = q(/Capability \(0x0004\), value length: 4 bytes: \(0x([0-9a-f]{8})\)/);
      const addrs = [...block.matchAll(/(?:Address|Management Addresses) \(0x00(?:02|16)\), value length: \d+ bytes: IPv4 \(1\) (\S+)/g)].map((m) => m[1]!);
      expect(vals(d, n, 'cdp-device-id')).toEqual([dev]);
      expect(vals(d, n, 'cdp-platform')).toEqual([platform]);
      expect(vals(d, n, 'cdp-port-id')).toEqual([port]);
      expect(vals(d, n, 'cdp-software')[0]?.startsWith(sw!)).toBe(true);
      const mask = parseInt(caps!, 16);
      expect(vals(d, n, 'cdp-capabilities')).toEqual([CDP_CAPS.filter((_, i) => mask & (1 << i)).join(',')]);
      expect(vals(d, n, 'cdp-mgmt-addr')).toEqual([...new Set(addrs)]);
      expect(vals(d, n, 'switch-port')).toEqual([`${dev}|${port}`]);
    }
  });

  it('Zeek cdp-v1.pcap decodes (CDP v1 over SNAP) without a violation', () => {
    const d = decodeFixture('zeek/Traces/cdp-v1.pcap');
    expect(d.obs.some((o) => o.kind === 'cdp-device-id')).toBe(true);
    expect(Object.keys(d.stats.violations)).toEqual([]);
  });
});
