// DHCPv6 (RFC 8415; client FQDN RFC 4704; DUID-UUID RFC 6355). A client names itself by its DUID
// (option 1). DUID-LLT (type 1) and DUID-LL (type 3) embed a link-layer address, often the MAC of
// the interface the DUID was made on; DUID-EN (2) carries an enterprise number; DUID-UUID (4) a
// UUID. Option 39 is the client FQDN, option 16 the vendor class (enterprise + opaque strings).
// Relay messages (12/13) nest the client's message in option 9, read with a depth limit.
import type { Mac } from '../model/ids';
import type { AppDecoder, DecodeStatus } from './types';
import type { Subject } from './wire';
import { put, u16, u32, hex, latin1, macAt, ipv6Text } from './wire';
import { readName } from './dns';

export interface Duid {
  type: number;
  hex: string;
  mac?: Mac;
  enterprise?: number;
  uuid?: string;
  time?: number;
}

export interface Dhcpv6Message {
  msgType: number;
  clientDuid?: Duid;
  serverDuid?: Duid;
  fqdn?: string;
  vendorClass?: string;
  /** Addresses handed out in IA_NA/IA_TA options. */
  addresses: string[];
  relayed: boolean;
  otherOptions: number[];
}

const CLIENT_TYPES = new Set([1, 3, 4, 5, 6, 8, 9, 11]);
const SERVER_TYPES = new Set([2, 7, 10]);
const MAX_DEPTH = 8;

export function parseDuid(b: Uint8Array, s: number, e: number): Duid | undefined {
  if (e - s < 2) return undefined;
  const type = u16(b, s);
  const d: Duid = { type, hex: hex(b, s, e, '', 130) };
  if (type === 1 && e - s >= 8) {
    d.time = u32(b, s + 4);
    if (u16(b, s + 2) === 1 && e - s === 14) d.mac = macAt(b, s + 8);
  } else if (type === 3 && e - s >= 4) {
    if (u16(b, s + 2) === 1 && e - s === 10) d.mac = macAt(b, s + 4);
  } else if (type === 2 && e - s >= 6) {
    d.enterprise = u32(b, s + 2);
  } else if (type === 4 && e - s === 18) {
    const h = hex(b, s + 2, e);
    d.uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return d;
}

function parseOptions(b: Uint8Array, start: number, end: number, m: Dhcpv6Message, depth: number): boolean {
  let p = start;
  let n = 0;
  while (p + 4 <= end) {
    if (++n > 256) return false;
    const code = u16(b, p);
    const len = u16(b, p + 2);
    const v = p + 4;
    const e = v + len;
    if (e > end) return false;
    switch (code) {
      case 1:
        m.clientDuid = parseDuid(b, v, e);
        break;
      case 2:
        m.serverDuid = parseDuid(b, v, e);
        break;
      case 3: // IA_NA: IAID(4) T1(4) T2(4) options
      case 4: // IA_TA: IAID(4) options
        if (depth < MAX_DEPTH) {
          const inner = code === 3 ? v + 12 : v + 4;
          if (inner <= e && !parseOptions(b, inner, e, m, depth + 1)) return false;
        }
        break;
      case 5: // IAADDR: address(16) preferred(4) valid(4) options
        if (len >= 24 && m.addresses.length < 16) m.addresses.push(ipv6Text(b, v));
        break;
      case 9: // Relay Message
        if (depth < MAX_DEPTH && len >= 4) {
          const t = b[v]!;
          if (t === 12 || t === 13) {
            if (len < 34 || !parseOptions(b, v + 34, e, m, depth + 1)) return false;
          } else {
            m.msgType = t;
            if (!parseOptions(b, v + 4, e, m, depth + 1)) return false;
          }
        }
        break;
      case 16:
        if (len >= 4) {
          const ent = u32(b, v);
          const parts: string[] = [];
          let q = v + 4;
          while (q + 2 <= e && parts.length < 8) {
            const l = u16(b, q);
            if (q + 2 + l > e) break;
            parts.push(latin1(b, q + 2, q + 2 + l, 128));
            q += 2 + l;
          }
          m.vendorClass = `${ent}:${parts.join(' ')}`;
        }
        break;
      case 39:
        if (len >= 1) {
          const nm = readName(b, v + 1, v + 1, e, false, true);
          if (nm) m.fqdn = nm.name;
        }
        break;
      default:
        if (m.otherOptions.length < 255) m.otherOptions.push(code);
    }
    p = e;
  }
  return p === end;
}

export function parseDhcpv6(b: Uint8Array): Dhcpv6Message | 'skip' | 'violation' {
  if (b.length < 4) return 'skip';
  const t = b[0]!;
  const m: Dhcpv6Message = { msgType: t, addresses: [], relayed: false, otherOptions: [] };
  if (t === 12 || t === 13) {
    if (b.length < 34) return 'violation';
    m.relayed = true;
    m.msgType = 0;
    return parseOptions(b, 34, b.length, m, 1) ? m : 'violation';
  }
  if (!CLIENT_TYPES.has(t) && !SERVER_TYPES.has(t)) return 'skip';
  return parseOptions(b, 4, b.length, m, 0) ? m : 'violation';
}

const PROTO = 'dhcpv6';

export const dhcpv6Decoder: AppDecoder = (payload, ctx, emit): DecodeStatus => {
  const m = parseDhcpv6(payload);
  if (m === 'skip' || m === 'violation') return m;
  if (CLIENT_TYPES.has(m.msgType) && !m.relayed) {
    const who: Subject = { mac: ctx.srcMac, ip: ctx.srcIp };
    const d = m.clientDuid;
    if (d) {
      put(emit, ctx, who, 'dhcpv6-duid', d.hex, PROTO);
      if (d.mac) put(emit, ctx, who, 'dhcpv6-duid-mac', d.mac, PROTO);
    }
    if (m.fqdn !== undefined) put(emit, ctx, who, 'fqdn', m.fqdn, PROTO);
    if (m.vendorClass !== undefined) put(emit, ctx, who, 'dhcpv6-vendor-class', m.vendorClass, PROTO);
  } else if (m.msgType === 7 && !m.relayed && ctx.dstMac) {
    // A REPLY sent straight to the client: the addresses it was given.
    for (const a of m.addresses) put(emit, ctx, { mac: ctx.dstMac }, 'ip', a, PROTO);
  }
  return 'ok';
};
