// IEEE 802.2 LLC with SNAP (RFC 1042): DSAP 0xAA, SSAP 0xAA, control 0x03, then a 3-byte OUI and a
// 2-byte protocol id. OUI 00-00-00 means the protocol id is an EtherType (RFC 1042 encapsulation of
// IP/ARP); any other OUI names an organisation's protocol ("00000c:2000" is Cisco CDP) looked up
// in SNAP_DECODERS. Plain LLC SAPs (0x42 spanning tree, 0xe0 IPX…) carry nothing for discovery.
import { type PacketFacts, violate } from './facts';

export interface SnapResult {
  /** Offset after the header, or -1 on a violation. */
  next: number;
  /** "oui:pid" lowercase hex for an organisation-specific protocol, '' otherwise. */
  key: string;
  /** EtherType for OUI 0 (RFC 1042), -1 otherwise. */
  etherType: number;
}

const HEX = '0123456789abcdef';
const hex2 = (v: number): string => HEX[v >> 4]! + HEX[v & 15]!;

export function decodeLlc(b: Uint8Array, off: number, p: PacketFacts, out: SnapResult): void {
  out.key = '';
  out.etherType = -1;
  if (b.length - off < 3) {
    violate(p, 'llc');
    out.next = -1;
    return;
  }
  const dsap = b[off]!;
  const ssap = b[off + 1]!;
  const ctrl = b[off + 2]!;
  // Control is one byte for U-frames (low two bits 11), two for I/S frames.
  const ctrlLen = (ctrl & 3) === 3 ? 1 : 2;
  if (dsap === 0xaa && ssap === 0xaa && ctrl === 0x03) {
    if (b.length - off < 8) {
      violate(p, 'llc');
      out.next = -1;
      return;
    }
    const oui = (b[off + 3]! << 16) | (b[off + 4]! << 8) | b[off + 5]!;
    const pid = (b[off + 6]! << 8) | b[off + 7]!;
    out.next = off + 8;
    if (oui === 0) out.etherType = pid;
    else out.key = hex2(b[off + 3]!) + hex2(b[off + 4]!) + hex2(b[off + 5]!) + ':' + hex2(b[off + 6]!) + hex2(b[off + 7]!);
    return;
  }
  out.next = off + 2 + ctrlLen <= b.length ? off + 2 + ctrlLen : -1;
  if (out.next < 0) violate(p, 'llc');
}
