// IPv6 (RFC 8200): fixed 40-byte header, then a chain of extension headers before the upper layer.
// Hop-by-hop (0), routing (43), destination options (60) and mobility (135) use (len+1)*8 bytes;
// fragment (44) is 8 bytes (only the first fragment has the upper-layer header); AH (51) uses
// (len+2)*4; ESP (50) and "no next header" (59) end parsing. IPv6 has no header checksum: its
// addresses are trusted only as far as the upper layer's checksum (which covers them) verifies.
import { type PacketFacts, violate } from './facts';

const MAX_EXT = 16;

/** Parse at off; returns the upper-layer offset (p.ipProto set) or -1. */
export function decodeIpv6(b: Uint8Array, off: number, p: PacketFacts): number {
  const avail = b.length - off;
  if (avail < 40) {
    if (!p.snapped) violate(p, 'ipv6');
    return -1;
  }
  if (b[off]! >> 4 !== 6) {
    violate(p, 'ipv6');
    return -1;
  }
  const plen = (b[off + 4]! << 8) | b[off + 5]!;
  p.ipVersion = 6;
  p.srcIp6Off = off + 8;
  p.dstIp6Off = off + 24;
  let end = off + 40 + plen;
  if (end > b.length) {
    if (!p.snapped) {
      violate(p, 'ipv6');
      return -1;
    }
    end = b.length;
  }
  if (plen === 0) end = b.length; // jumbogram (RFC 2675) or empty: bounded by the frame
  p.l4End = end;
  let next = b[off + 6]!;
  let o = off + 40;
  for (let n = 0; n < MAX_EXT; n++) {
    switch (next) {
      case 0:
      case 43:
      case 60:
      case 135: {
        if (end - o < 8) return bad(p);
        const len = (b[o + 1]! + 1) * 8;
        if (o + len > end) return bad(p);
        next = b[o]!;
        o += len;
        break;
      }
      case 44: {
        if (end - o < 8) return bad(p);
        const fo = ((b[o + 2]! << 8) | b[o + 3]!) >> 3;
        p.fragment = true;
        next = b[o]!;
        o += 8;
        if (fo !== 0) {
          p.ipProto = next;
          return -1;
        }
        break;
      }
      case 51: {
        if (end - o < 8) return bad(p);
        const len = (b[o + 1]! + 2) * 4;
        if (o + len > end) return bad(p);
        next = b[o]!;
        o += len;
        break;
      }
      default:
        p.ipProto = next;
        return next === 59 || next === 50 ? -1 : o;
    }
  }
  return bad(p);
}

function bad(p: PacketFacts): number {
  if (!p.snapped) violate(p, 'ipv6');
  return -1;
}
