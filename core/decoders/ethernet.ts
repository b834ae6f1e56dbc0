// Ethernet II / IEEE 802.3 (IEEE 802.3 clause 3) with 802.1Q / 802.1ad tags (IEEE 802.1Q: TPID
// 0x8100 C-tag, 0x88a8 S-tag; 0x9100 pre-standard QinQ). A type/length field <= 1500 is an 802.3
// length and an LLC header follows (llc.ts); >= 0x0600 is an EtherType.
import { type PacketFacts, macNum, violate } from './facts';

export const ETHERTYPE = {
  IPV4: 0x0800,
  ARP: 0x0806,
  VLAN: 0x8100,
  IPV6: 0x86dd,
  QINQ: 0x88a8,
  QINQ_OLD: 0x9100,
  LLDP: 0x88cc,
} as const;

/** Pseudo-EtherType meaning "an 802.2 LLC header follows" (802.3 length frames, SLL protocol 4). */
export const LLC_FOLLOWS = -2;

/** Parse the Ethernet header at off; returns the offset of its payload, or -1 (violation recorded). */
export function decodeEthernet(b: Uint8Array, off: number, p: PacketFacts): number {
  if (b.length - off < 14) {
    violate(p, 'ethernet');
    return -1;
  }
  p.dstMac = macNum(b, off);
  p.srcMac = macNum(b, off + 6);
  return decodeEtherTypeAndTags(b, off + 12, p);
}

/** Read a type/length at off and any VLAN tags after it; sets p.etherType; returns the payload offset or -1. */
export function decodeEtherTypeAndTags(b: Uint8Array, off: number, p: PacketFacts): number {
  let t = (b[off]! << 8) | b[off + 1]!;
  off += 2;
  for (let tags = 0; t === ETHERTYPE.VLAN || t === ETHERTYPE.QINQ || t === ETHERTYPE.QINQ_OLD; tags++) {
    if (tags >= 8 || b.length - off < 4) {
      violate(p, 'vlan');
      return -1;
    }
    p.vlan = ((b[off]! << 8) | b[off + 1]!) & 0x0fff;
    t = (b[off + 2]! << 8) | b[off + 3]!;
    off += 4;
  }
  if (t <= 1500) {
    p.etherType = LLC_FOLLOWS;
    // 802.3 length: ignore trailing padding but a length beyond the frame is a violation (unless snapped).
    if (off + t > b.length && !p.snapped) {
      violate(p, 'ethernet');
      return -1;
    }
    return off;
  }
  if (t < 0x0600) {
    violate(p, 'ethernet'); // 1501..1535 is neither a length nor a type
    return -1;
  }
  p.etherType = t;
  return off;
}
