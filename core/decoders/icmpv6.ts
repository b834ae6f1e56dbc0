// ICMPv6 (RFC 4443) neighbour discovery (RFC 4861): router solicitation (133), router advertisement
// (134), neighbour solicitation (135) and advertisement (136) carry link-layer address options
// (type 1 source, type 2 target; length in 8-byte units, 0 is invalid) that bind an IPv6 address to
// a MAC: the source of an RS/RA/NS to its source link-layer address, the target of an NA to its
// target link-layer address.
import { type PacketFacts, macNum, violate } from './facts';

/** Parse at off; sets p.ndType / p.ndAddrOff / p.ndMac for neighbour discovery. false on a violation. */
export function decodeIcmpv6(b: Uint8Array, off: number, p: PacketFacts): boolean {
  const end = p.l4End;
  if (end - off < 4) {
    if (!p.snapped) violate(p, 'icmpv6');
    return false;
  }
  p.transport = 58;
  p.l4Off = off;
  const type = b[off]!;
  let opts: number;
  switch (type) {
    case 133:
      opts = off + 8;
      break;
    case 134:
      opts = off + 16;
      break;
    case 135:
    case 136:
      opts = off + 24;
      break;
    default:
      return true;
  }
  if (opts > end) {
    if (!p.snapped) violate(p, 'icmpv6');
    return false;
  }
  p.ndType = type;
  const wanted = type === 136 ? 2 : 1;
  for (let o = opts; o < end; ) {
    if (end - o < 2) return bad(p);
    const len = b[o + 1]! * 8;
    if (len === 0 || o + len > end) return bad(p);
    if (b[o] === wanted && len >= 8) p.ndMac = macNum(b, o + 2);
    o += len;
  }
  if (p.ndMac >= 0) {
    p.ndAddrOff = type === 136 ? off + 8 : p.srcIp6Off;
    p.innerMac = p.ndMac;
  }
  return true;
}

function bad(p: PacketFacts): boolean {
  violate(p, 'icmpv6');
  return false;
}
