// A small classic-pcap reader for the probe wire tests: Ethernet → ARP / IPv4 → TCP / UDP / ICMP
// headers only (libpcap file format; IEEE 802.3; RFC 826, 791, 793, 768, 792). Test support only.
import fs from 'node:fs';

export interface WirePacket {
  /** Milliseconds since the epoch (fractional). */
  ts: number;
  srcMac: string;
  dstMac: string;
  arp?: { op: number; spa: string; tpa: string };
  ip?: {
    src: string;
    dst: string;
    proto: number;
    tcp?: { sport: number; dport: number; flags: number; payload: number };
    udp?: { sport: number; dport: number };
    icmp?: { type: number; code: number };
  };
}

const mac = (b: Buffer, o: number) => Array.from(b.subarray(o, o + 6), (x) => x.toString(16).padStart(2, '0')).join(':');
const ip4 = (b: Buffer, o: number) => `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;

export function readPcap(path: string): WirePacket[] {
  const b = fs.readFileSync(path);
  if (b.length < 24) return [];
  const magic = b.readUInt32LE(0);
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!le) throw new Error('pcap-lite: only little-endian pcap files');
  const nano = magic === 0xa1b23c4d;
  const link = b.readUInt32LE(20);
  if (link !== 1) throw new Error(`pcap-lite: link type ${link} is not Ethernet`);
  const out: WirePacket[] = [];
  let p = 24;
  while (p + 16 <= b.length) {
    const sec = b.readUInt32LE(p);
    const frac = b.readUInt32LE(p + 4);
    const incl = b.readUInt32LE(p + 8);
    const f = p + 16;
    p = f + incl;
    if (p > b.length || incl < 14) break;
    const pkt: WirePacket = { ts: sec * 1000 + (nano ? frac / 1e6 : frac / 1e3), dstMac: mac(b, f), srcMac: mac(b, f + 6) };
    const type = b.readUInt16BE(f + 12);
    const l3 = f + 14;
    if (type === 0x0806 && incl >= 42) {
      pkt.arp = { op: b.readUInt16BE(l3 + 6), spa: ip4(b, l3 + 14), tpa: ip4(b, l3 + 24) };
    } else if (type === 0x0800 && incl >= 34) {
      const ihl = (b[l3]! & 15) * 4;
      const total = b.readUInt16BE(l3 + 2);
      const proto = b[l3 + 9]!;
      const l4 = l3 + ihl;
      pkt.ip = { src: ip4(b, l3 + 12), dst: ip4(b, l3 + 16), proto };
      if (proto === 6 && l4 + 20 <= f + incl) {
        const off = (b[l4 + 12]! >> 4) * 4;
        pkt.ip.tcp = { sport: b.readUInt16BE(l4), dport: b.readUInt16BE(l4 + 2), flags: b[l4 + 13]!, payload: total - ihl - off };
      } else if (proto === 17 && l4 + 8 <= f + incl) {
        pkt.ip.udp = { sport: b.readUInt16BE(l4), dport: b.readUInt16BE(l4 + 2) };
      } else if (proto === 1 && l4 + 2 <= f + incl) {
        pkt.ip.icmp = { type: b[l4]!, code: b[l4 + 1]! };
      }
    }
    out.push(pkt);
  }
  return out;
}

/** Most packets in any window of `windowMs` (sliding over packet times). */
export function maxInWindow(times: number[], windowMs = 1000): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while (t[hi]! - t[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
