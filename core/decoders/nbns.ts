// NetBIOS Name Service (RFC 1001/1002, UDP 137). Names travel "first-level encoded": 16 bytes
// (15 name characters + a suffix byte) spelt as 32 letters 'A'..'P'. What identifies a host:
//  - a registration / refresh names the sender (its NB record carries the address);
//  - a positive query response binds a name to addresses;
//  - a node-status (NBSTAT) response lists the responder's own names.
// Only unique names with suffix <00> (workstation) or <20> (file server) are kept: group names are
// workgroups/domains and <03> names are often user names.
import type { AppDecoder, DecodeStatus } from './types';
import type { Subject } from './wire';
import { put, srcOf, u16, ipv4Text, trimPad } from './wire';

export interface NbName {
  name: string;
  suffix: number;
}

/** Decode the 16-byte NetBIOS name (first label, 32 letters) at `off`, following pointers. */
export function readNbName(
  b: Uint8Array,
  off: number,
  msgEnd: number,
): { nb: NbName | undefined; next: number } | undefined {
  let pos = off;
  let next = -1;
  let jumps = 0;
  let nb: NbName | undefined;
  let first = true;
  let total = 0;
  while (true) {
    if (pos >= msgEnd) return undefined;
    const len = b[pos]!;
    if (len === 0) {
      if (next < 0) next = pos + 1;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= msgEnd) return undefined;
      if (next < 0) next = pos + 2;
      const ptr = ((len & 0x3f) << 8) | b[pos + 1]!;
      if (++jumps > 8 || ptr >= msgEnd) return undefined;
      pos = ptr;
      continue;
    }
    if ((len & 0xc0) !== 0 || pos + 1 + len > msgEnd) return undefined;
    total += len + 1;
    if (total > 255) return undefined;
    if (first) {
      first = false;
      if (len === 32) {
        let s = '';
        let suffix = 0;
        let ok = true;
        for (let i = 0; i < 16; i++) {
          const hi = b[pos + 1 + 2 * i]! - 0x41;
          const lo = b[pos + 2 + 2 * i]! - 0x41;
          if (hi < 0 || hi > 15 || lo < 0 || lo > 15) {
            ok = false;
            break;
          }
          const c = (hi << 4) | lo;
          if (i === 15) suffix = c;
          else s += String.fromCharCode(c);
        }
        if (ok) nb = { name: trimPad(s), suffix };
      }
    }
    pos += 1 + len;
  }
  return { nb, next };
}

const PROTO = 'nbns';
const TYPE_NB = 0x20;
const TYPE_NBSTAT = 0x21;

function keep(nb: NbName | undefined, group: boolean): nb is NbName {
  return !!nb && !group && (nb.suffix === 0x00 || nb.suffix === 0x20) && nb.name !== '' && nb.name !== '*';
}

export const nbnsDecoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  if (b.length < 12) return 'skip';
  const flags = u16(b, 2);
  const response = (flags & 0x8000) !== 0;
  const opcode = (flags >> 11) & 0xf;
  const rcode = flags & 0xf;
  if (opcode !== 0 && (opcode < 5 || opcode > 9)) return 'violation';
  const qd = u16(b, 4);
  const rrs = u16(b, 6) + u16(b, 8) + u16(b, 10);
  if (qd > 8 || rrs > 32) return 'violation';
  const me = srcOf(ctx);
  const end = b.length;
  let pos = 12;
  let asked: NbName | undefined;
  for (let i = 0; i < qd; i++) {
    const n = readNbName(b, pos, end);
    if (!n || n.next + 4 > end) return 'violation';
    if (i === 0) asked = n.nb;
    pos = n.next + 4;
  }
  const registering = !response && (opcode === 5 || opcode === 8 || opcode === 9);
  if (!response && opcode === 0 && asked && asked.name && asked.name !== '*') {
    put(emit, ctx, me, 'dns-query', asked.name, PROTO);
  }
  for (let i = 0; i < rrs; i++) {
    const n = readNbName(b, pos, end);
    if (!n || n.next + 10 > end) return 'violation';
    const type = u16(b, n.next);
    const rdlen = u16(b, n.next + 8);
    const rd = n.next + 10;
    const rdEnd = rd + rdlen;
    if (rdEnd > end) return 'violation';
    pos = rdEnd;
    if (type === TYPE_NB && (registering || (response && rcode === 0 && opcode === 0))) {
      for (let p = rd, k = 0; p + 6 <= rdEnd && k < 8; p += 6, k++) {
        const group = (u16(b, p) & 0x8000) !== 0;
        if (!keep(n.nb, group)) continue;
        const ip = ipv4Text(b, p + 2);
        const subj: Subject = ip === ctx.srcIp ? me : registering ? { mac: ctx.srcMac, ip } : { ip };
        if (ip === '0.0.0.0') continue;
        put(emit, ctx, subj, 'nbns-name', n.nb.name, PROTO);
      }
    } else if (type === TYPE_NBSTAT && response && rcode === 0 && rdlen >= 1) {
      const count = b[rd]!;
      for (let k = 0, p = rd + 1; k < count && p + 18 <= rdEnd && k < 64; k++, p += 18) {
        let s = '';
        for (let j = 0; j < 15; j++) s += String.fromCharCode(b[p + j]!);
        const nb: NbName = { name: trimPad(s), suffix: b[p + 15]! };
        const group = (u16(b, p + 16) & 0x8000) !== 0;
        if (keep(nb, group)) put(emit, ctx, me, 'nbns-name', nb.name, PROTO);
      }
    }
  }
  return 'ok';
};
