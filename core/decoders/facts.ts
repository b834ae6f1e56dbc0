// What the link, network and transport layers learned about one frame, in plain numbers (no strings,
// no allocation per packet: one PacketFacts object is reset and reused). MACs are 48-bit integers
// (exact in a double), IPv4 addresses 32-bit unsigned integers; IPv6 addresses stay as offsets into
// the frame until someone needs their text.

export const NONE = -1;

export interface PacketFacts {
  ts: number;
  linkType: number;
  /** Frame bytes (a view, valid during decoding only). */
  data: Uint8Array;
  /** The capture cut the frame (snap length): missing bytes are not a protocol violation. */
  snapped: boolean;
  srcMac: number;
  dstMac: number;
  /** Innermost 802.1Q VLAN id, or NONE. */
  vlan: number;
  etherType: number;
  ipVersion: 0 | 4 | 6;
  srcIp4: number;
  dstIp4: number;
  /** Offsets of the IPv6 source/destination addresses in `data`, or NONE. */
  srcIp6Off: number;
  dstIp6Off: number;
  /** IPv4 header checksum verified (always false for IPv6, which has none). */
  ipChecksumOk: boolean;
  /** Part of a fragmented datagram (no transport parse beyond the first fragment's header). */
  fragment: boolean;
  ipProto: number;
  /** Transport header start and datagram end in `data` (for the checksum), or NONE. */
  l4Off: number;
  l4End: number;
  transport: 0 | 6 | 17 | 58;
  srcPort: number;
  dstPort: number;
  tcpFlags: number;
  payloadOff: number;
  payloadEnd: number;
  /** A MAC carried inside the payload that should equal the source MAC (ARP sha, DHCP chaddr, NDP lladdr), or NONE. */
  innerMac: number;
  /** ARP: operation and sender protocol address (NONE when not ARP). */
  arpOp: number;
  arpSpa: number;
  arpSha: number;
  /** Neighbour discovery (ICMPv6 133..136): message type, offset of the IPv6 address bound, and its MAC. */
  ndType: number;
  ndAddrOff: number;
  ndMac: number;
  /** Application layer: 0 not reached, 1 a decoder accepted it, 2 none did, 3 answered by the repeat hook. */
  appStatus: number;
  /** The protocol that failed to parse (a violation), or '' when the frame is well-formed. */
  violation: string;
  /** The link type is not one we decode. */
  unsupportedLink: boolean;
}

export function newFacts(): PacketFacts {
  return {
    ts: 0,
    linkType: 0,
    data: new Uint8Array(0),
    snapped: false,
    srcMac: NONE,
    dstMac: NONE,
    vlan: NONE,
    etherType: NONE,
    ipVersion: 0,
    srcIp4: NONE,
    dstIp4: NONE,
    srcIp6Off: NONE,
    dstIp6Off: NONE,
    ipChecksumOk: false,
    fragment: false,
    ipProto: NONE,
    l4Off: NONE,
    l4End: NONE,
    transport: 0,
    srcPort: NONE,
    dstPort: NONE,
    tcpFlags: 0,
    payloadOff: NONE,
    payloadEnd: NONE,
    innerMac: NONE,
    arpOp: NONE,
    arpSpa: NONE,
    arpSha: NONE,
    ndType: 0,
    ndAddrOff: NONE,
    ndMac: NONE,
    appStatus: 0,
    violation: '',
    unsupportedLink: false,
  };
}

export function resetFacts(p: PacketFacts, data: Uint8Array, ts: number, linkType: number, snapped: boolean): void {
  p.ts = ts;
  p.linkType = linkType;
  p.data = data;
  p.snapped = snapped;
  p.srcMac = NONE;
  p.dstMac = NONE;
  p.vlan = NONE;
  p.etherType = NONE;
  p.ipVersion = 0;
  p.srcIp4 = NONE;
  p.dstIp4 = NONE;
  p.srcIp6Off = NONE;
  p.dstIp6Off = NONE;
  p.ipChecksumOk = false;
  p.fragment = false;
  p.ipProto = NONE;
  p.l4Off = NONE;
  p.l4End = NONE;
  p.transport = 0;
  p.srcPort = NONE;
  p.dstPort = NONE;
  p.tcpFlags = 0;
  p.payloadOff = NONE;
  p.payloadEnd = NONE;
  p.innerMac = NONE;
  p.arpOp = NONE;
  p.arpSpa = NONE;
  p.arpSha = NONE;
  p.ndType = 0;
  p.ndAddrOff = NONE;
  p.ndMac = NONE;
  p.appStatus = 0;
  p.violation = '';
  p.unsupportedLink = false;
}

/** 48-bit MAC at b[o..o+6) as an integer (caller checked bounds). */
export function macNum(b: Uint8Array, o: number): number {
  return ((b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!) * 16777216 + ((b[o + 3]! << 16) | (b[o + 4]! << 8) | b[o + 5]!);
}

const HEX = '0123456789abcdef';

/** Canonical MAC text of a 48-bit integer. */
export function macText(m: number): string {
  const hi = Math.floor(m / 16777216);
  const lo = m % 16777216;
  let s = '';
  for (let i = 0; i < 6; i++) {
    const v = i < 3 ? (hi >> (8 * (2 - i))) & 255 : (lo >> (8 * (5 - i))) & 255;
    s += (i ? ':' : '') + HEX[v >> 4]! + HEX[v & 15]!;
  }
  return s;
}

/** I/G bit: a group (multicast/broadcast) address is never a device's own. */
export function macIsGroup(m: number): boolean {
  return Math.floor(m / 1099511627776) % 2 === 1; // bit 40 = lowest bit of the first octet
}

/** U/L bit: locally administered (randomized/private) address. */
export function macIsLocal(m: number): boolean {
  return Math.floor(m / 2199023255552) % 2 === 1; // bit 41
}

/** Dotted-quad text of a 32-bit unsigned integer. */
export function ip4Text(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

/** Record the first violation only: it names the layer that broke. */
export function violate(p: PacketFacts, proto: string): void {
  if (!p.violation) p.violation = proto;
}
