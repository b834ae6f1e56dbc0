// Annotated-hex tests for the link, network and transport layers (tier 1 of the decoder tests).
import { describe, expect, it } from 'vitest';
import { FrameBuilder, dhcpDiscover, synthMac } from '../capture/synth';
import { verifyTransportChecksum } from './checksum';
import { NONE, ip4Text, macIsGroup, macIsLocal, macText } from './facts';
import { PacketDecoder } from './packet';
import type { Observation } from '../model/observation';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/#.*$/gm, '').replace(/\s+/g, '').match(/../g)!.map((h) => parseInt(h, 16)));

function decode(frame: Uint8Array, linkType = 1, origLen = frame.length) {
  const obs: Observation[] = [];
  const d = new PacketDecoder();
  const p = d.decode(frame, linkType, 1000, origLen, (o) => obs.push(o));
  return { p: { ...p }, obs, stats: d.stats, facts: p };
}

// ARP request, Ethernet II, 42 bytes (Zeek's arp-who-has.pcap frame 1 layout).
const ARP = hex(`
  ffffffffffff 00163e2aa8c4 0806   # dst broadcast, src, EtherType ARP
  0001 0800 06 04 0001             # htype Ethernet, ptype IPv4, hlen 6, plen 4, op request
  00163e2aa8c4 c0a80101            # sha, spa 192.168.1.1
  000000000000 c0a80102            # tha, tpa 192.168.1.2
`);

describe('ethernet + arp', () => {
  it('reads addresses and the ARP sender binding', () => {
    const { p } = decode(ARP);
    expect(macText(p.srcMac)).toBe('00:16:3e:2a:a8:c4');
    expect(macIsGroup(p.dstMac)).toBe(true);
    expect(macIsGroup(p.srcMac)).toBe(false);
    expect(p.etherType).toBe(0x0806);
    expect(p.arpOp).toBe(1);
    expect(ip4Text(p.arpSpa)).toBe('192.168.1.1');
    expect(p.arpSha).toBe(p.srcMac);
    expect(p.innerMac).toBe(p.srcMac);
    expect(p.violation).toBe('');
  });

  it('flags an ARP with an impossible hardware length (tcpdump arp-too-long-tha)', () => {
    const bad = ARP.slice();
    bad[18] = 255;
    expect(decode(bad).p.violation).toBe('arp');
  });

  it('walks 802.1Q and 802.1ad (QinQ) tags and keeps the innermost VLAN', () => {
    const q = hex(`ffffffffffff 00163e2aa8c4 88a8 0064 8100 2005 0806`);
    const frame = new Uint8Array([...q, ...ARP.subarray(14)]);
    const { p } = decode(frame);
    expect(p.vlan).toBe(5); // 0x2005: PCP 1, VID 5
    expect(p.arpOp).toBe(1);
  });

  it('decodes LLC/SNAP with OUI 0 as an EtherType (RFC 1042, Zeek snap-arp)', () => {
    const f = hex(`ffffffffffff 00163e2aa8c4 0024 aaaa03 000000 0806`);
    const frame = new Uint8Array([...f, ...ARP.subarray(14)]);
    const { p } = decode(frame);
    expect(p.arpOp).toBe(1);
    expect(p.violation).toBe('');
  });

  it('macText and bits', () => {
    expect(macText(0x021b44000001)).toBe('02:1b:44:00:00:01');
    expect(macIsLocal(0x021b44000001)).toBe(true);
    expect(macIsLocal(0x001b44000001)).toBe(false);
  });
});

describe('ipv4 + udp + tcp', () => {
  const fb = new FrameBuilder();
  const a = synthMac(1);
  const b = synthMac(2);
  it('verifies the header checksum and transport checksum', () => {
    const f = fb.udp4(b, a, 0x0a000001, 0x0a000002, 40001, 40002, new Uint8Array([1, 2, 3])).slice();
    const { p, facts } = decode(f);
    expect(p.violation).toBe('');
    expect(p.ipChecksumOk).toBe(true);
    expect(ip4Text(p.srcIp4)).toBe('10.0.0.1');
    expect([p.srcPort, p.dstPort, p.payloadEnd - p.payloadOff]).toEqual([40001, 40002, 3]);
    expect(verifyTransportChecksum(facts)).toBe(true);
    f[44] = f[44]! ^ 1; // a payload bit
    expect(verifyTransportChecksum(decode(f).facts)).toBe(false);
    f[44] = f[44]! ^ 1;
    f[26] = f[26]! ^ 1; // a source address bit: the header checksum catches it
    expect(decode(f).p.violation).toBe('ipv4');
  });

  it('ignores Ethernet padding and reads the DHCP chaddr as the inner MAC', () => {
    const f = fb.udp4([255, 255, 255, 255, 255, 255], a, 0, 0xffffffff, 68, 67, dhcpDiscover(a, 7, 'pump-1')).slice();
    const { p, facts } = decode(f);
    expect(p.innerMac).toBe(p.srcMac);
    expect(verifyTransportChecksum(facts)).toBe(true);
  });

  it('emits a service observation for a SYN-ACK', () => {
    const f = fb.tcp4(a, b, 0x0a000002, 0x0a000001, 104, 40000, 0x12, 1).slice();
    const { p, obs, facts } = decode(f);
    expect(p.tcpFlags).toBe(0x12);
    expect(verifyTransportChecksum(facts)).toBe(true);
    expect(obs).toEqual([expect.objectContaining({ kind: 'service', value: 'tcp/104', mac: '00:1b:44:00:00:02', ip: '10.0.0.2' })]);
  });

  it('counts violations for a total length beyond the frame and a bad TCP offset', () => {
    const f = fb.tcp4(a, b, 1, 2, 1, 2, 2, 1).slice();
    f[16] = 0x05; // total length 0x05xx > frame
    f[24] = f[25] = 0;
    const r = decode(f);
    expect(r.p.violation).toBe('ipv4');
    expect(r.stats.violations).toEqual({ ipv4: 1 });
    expect(r.stats.malformed).toBe(1);
    // the same, but the capture cut the frame (snap length): not a violation
    expect(decode(f.subarray(0, 40), 1, 2000).p.violation).not.toBe('tcp');
  });

  it('reads raw IPv4 (LINKTYPE_RAW) and refuses junk', () => {
    const f = fb.udp4(b, a, 0x0a000001, 0x0a000002, 1, 2, new Uint8Array(4)).slice(14);
    expect(ip4Text(decode(f, 101).p.srcIp4)).toBe('10.0.0.1');
    expect(ip4Text(decode(f, 228).p.srcIp4)).toBe('10.0.0.1');
    expect(decode(new Uint8Array([0x12, 0]), 101).p.violation).toBe('raw-ip');
  });

  it('reports an unsupported link type without a violation', () => {
    const r = decode(new Uint8Array(20), 160);
    expect(r.p.unsupportedLink).toBe(true);
    expect(r.stats.unsupportedLinkTypes).toEqual({ '160': 1 });
    expect(r.stats.malformed).toBe(0);
  });
});

describe('ipv6 + icmpv6 neighbour discovery', () => {
  const fb = new FrameBuilder();
  const mac = synthMac(9);
  const ll = hex('fe80000000000000021b44fffe000009');
  it('binds an NS source address to its source link-layer option, checksum verified', () => {
    const f = fb.nd6([0x33, 0x33, 0xff, 0, 0, 1], mac, ll, hex('ff0200000000000000000001ff000001'), 135, hex('fe800000000000000000000000000001')).slice();
    const { p, facts } = decode(f);
    expect(p.violation).toBe('');
    expect(p.ndType).toBe(135);
    expect(p.ndMac).toBe(p.srcMac);
    expect(p.ndAddrOff).toBe(p.srcIp6Off);
    expect(verifyTransportChecksum(facts)).toBe(true);
  });
  it('binds an NA target address to its target link-layer option', () => {
    const target = hex('20010db8000000000000000000000009');
    const f = fb.nd6([0x33, 0x33, 0, 0, 0, 1], mac, ll, hex('ff020000000000000000000000000001'), 136, target).slice();
    const { p } = decode(f);
    expect(p.ndType).toBe(136);
    expect(Array.from(f.subarray(p.ndAddrOff, p.ndAddrOff + 16))).toEqual(Array.from(target));
  });
  it('walks extension headers (hop-by-hop) and flags a zero-length option', () => {
    const f = fb.nd6([0x33, 0x33, 0, 0, 0, 1], mac, ll, ll, 135, ll).slice();
    const bad = f.slice();
    bad[14 + 40 + 25] = 0; // option length 0 is invalid (RFC 4861 §4.6)
    expect(decode(bad).p.violation).toBe('icmpv6');
    // insert a hop-by-hop header (8 bytes, next header 58) before ICMPv6
    const hbh = new Uint8Array(f.length + 8);
    hbh.set(f.subarray(0, 54), 0);
    hbh.set([58, 0, 5, 2, 0, 0, 1, 0], 54); // router alert option
    hbh.set(f.subarray(54), 62);
    hbh[14 + 6] = 0; // next header: hop-by-hop
    hbh[14 + 5] = hbh[14 + 5]! + 8; // payload length
    const r = decode(hbh);
    expect(r.p.violation).toBe('');
    expect(r.p.ipProto).toBe(58);
    expect(r.p.ndType).toBe(135);
  });
});

describe('linux cooked captures', () => {
  it('takes the sender MAC from SLL and SLL2', () => {
    const sll = hex(`0000 0001 0006 00163e2aa8c4 0000 0806`);
    const sll2 = hex(`0806 0000 00000002 0001 00 06 00163e2aa8c4 0000`);
    for (const [hdr, lt] of [
      [sll, 113],
      [sll2, 276],
    ] as const) {
      const { p } = decode(new Uint8Array([...hdr, ...ARP.subarray(14)]), lt);
      expect(macText(p.srcMac)).toBe('00:16:3e:2a:a8:c4');
      expect(p.dstMac).toBe(NONE);
      expect(p.arpOp).toBe(1);
    }
  });
});

describe('IPv4 checksum offload', () => {
  it('decodes a header whose checksum is 0 (captured on the sender) but does not count it as verified', async () => {
    const { FrameBuilder } = await import('../capture/synth');
    const { decodeIpv4 } = await import('./ipv4');
    const { newFacts } = await import('./facts');
    const fb = new FrameBuilder();
    const f = fb.udp4([0, 1, 2, 3, 4, 5] as never, [0, 0x1b, 0x44, 1, 2, 3] as never, 0x0a000005, 0x0a000001, 5000, 53, new Uint8Array(8)).slice();
    const good = newFacts();
    expect(decodeIpv4(f, 14, good)).toBeGreaterThan(0);
    expect(good.ipChecksumOk).toBe(true);
    f[24] = 0;
    f[25] = 0;
    const off = newFacts();
    expect(decodeIpv4(f, 14, off)).toBeGreaterThan(0);
    expect(off.ipChecksumOk).toBe(false);
    expect(off.srcIp4).toBe(0x0a000005);
    f[25] = 1; // a wrong, non-zero checksum is still a violation
    expect(decodeIpv4(f, 14, newFacts())).toBe(-1);
  });
});
