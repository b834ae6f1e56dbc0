// Linux "cooked" capture headers (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html and
// LINKTYPE_LINUX_SLL2.html), produced by `tcpdump -i any`. SLL (16 bytes): packet type, ARPHRD
// type, address length, 8 address bytes, protocol. SLL2 (20 bytes): protocol, reserved, interface
// index, ARPHRD type, packet type, address length, 8 address bytes. The address is the *sender's*
// link-layer address; protocol is an EtherType, or 0x0004 for an 802.2 LLC frame. There is no
// destination address.
import { LLC_FOLLOWS, decodeEtherTypeAndTags } from './ethernet';
import { type PacketFacts, macNum, violate } from './facts';

const ARPHRD_ETHER = 1;

export function decodeSll(b: Uint8Array, off: number, p: PacketFacts): number {
  if (b.length - off < 16) {
    violate(p, 'sll');
    return -1;
  }
  const hatype = (b[off + 2]! << 8) | b[off + 3]!;
  const alen = (b[off + 4]! << 8) | b[off + 5]!;
  if (hatype === ARPHRD_ETHER && alen === 6) p.srcMac = macNum(b, off + 6);
  const proto = (b[off + 14]! << 8) | b[off + 15]!;
  if (proto < 0x0600) {
    p.etherType = proto === 0x0004 ? LLC_FOLLOWS : proto; // 0x0001 Novell raw 802.3…: nothing to decode
    return off + 16;
  }
  return decodeEtherTypeAndTags(b, off + 14, p); // the kernel may leave VLAN tags in place
}

export function decodeSll2(b: Uint8Array, off: number, p: PacketFacts): number {
  if (b.length - off < 20) {
    violate(p, 'sll2');
    return -1;
  }
  const hatype = (b[off + 8]! << 8) | b[off + 9]!;
  const alen = b[off + 11]!;
  if (hatype === ARPHRD_ETHER && alen === 6) p.srcMac = macNum(b, off + 12);
  const proto = (b[off]! << 8) | b[off + 1]!;
  p.etherType = proto === 0x0004 ? LLC_FOLLOWS : proto;
  return off + 20;
}
