// DHCPv4 / BOOTP (RFC 951, RFC 2131; options RFC 2132, client FQDN RFC 4702, overload option 52).
// A client's request names the client by its hardware address (chaddr) and carries what identifies
// it: option 12 host name, 50 requested address, 55 parameter request list (a fingerprint), 57 max
// message size, 60 vendor class, 61 client identifier, 81 FQDN. A server's OFFER/ACK binds the
// offered address (yiaddr) to chaddr. Every other option is kept only as its code.
import type { Mac } from '../model/ids';
import type { AppDecoder, DecodeStatus } from './types';
import type { Subject } from './wire';
import { put, u16, u32, latin1, hex, ipv4Text, macAt } from './wire';
import { readName } from './dns';

export const DHCP_MESSAGE_TYPES = [
  '', 'DISCOVER', 'OFFER', 'REQUEST', 'DECLINE', 'ACK', 'NAK', 'RELEASE', 'INFORM',
] as const;

export interface DhcpMessage {
  op: number;
  /** Option 53, 0 when absent (plain BOOTP). */
  messageType: number;
  xid: number;
  chaddr?: Mac;
  ciaddr: string;
  yiaddr: string;
  giaddr: string;
  hostname?: string;
  requestedIp?: string;
  prl?: number[];
  maxSize?: number;
  vendorClass?: string;
  clientId?: string;
  fqdn?: string;
  serverId?: string;
  /** Codes of every other option seen, in order (values are not kept). */
  otherOptions: number[];
}

const COOKIE = 0x63825363;
const FIXED = 236;

/** Options parsed from b[start, end); returns false on a length overrun. */
function parseOptions(b: Uint8Array, start: number, end: number, m: DhcpMessage, overload: { v: number }): boolean {
  let p = start;
  while (p < end) {
    const code = b[p]!;
    if (code === 0) {
      p++;
      continue;
    }
    if (code === 255) return true;
    if (p + 1 >= end) return false;
    const len = b[p + 1]!;
    const v = p + 2;
    const e = v + len;
    if (e > end) return false;
    switch (code) {
      case 12:
        m.hostname = latin1(b, v, e);
        break;
      case 50:
        if (len === 4) m.requestedIp = ipv4Text(b, v);
        break;
      case 52:
        if (len === 1) overload.v = b[v]!;
        break;
      case 53:
        if (len === 1) m.messageType = b[v]!;
        break;
      case 54:
        if (len === 4) m.serverId = ipv4Text(b, v);
        break;
      case 55: {
        const l: number[] = [];
        for (let i = v; i < e && l.length < 255; i++) l.push(b[i]!);
        m.prl = l;
        break;
      }
      case 57:
        if (len === 2) m.maxSize = u16(b, v);
        break;
      case 60:
        m.vendorClass = latin1(b, v, e);
        break;
      case 61:
        m.clientId = hex(b, v, e, '', 64);
        break;
      case 81:
        if (len >= 3) {
          const flags = b[v]!;
          if (flags & 0x04) {
            const n = readName(b, v + 3, v + 3, e, false, true);
            if (n) m.fqdn = n.name;
          } else {
            m.fqdn = latin1(b, v + 3, e);
          }
        }
        break;
      default:
        if (m.otherOptions.length < 255) m.otherOptions.push(code);
    }
    p = e;
  }
  // An options field without the End option is tolerated (many clients pad to the end).
  return true;
}

/** Parse a BOOTP/DHCP message; 'skip' when the bytes are not one, 'violation' when malformed. */
export function parseDhcp(b: Uint8Array): DhcpMessage | 'skip' | 'violation' {
  if (b.length < 4) return 'skip';
  const op = b[0]!;
  const htype = b[1]!;
  const hlen = b[2]!;
  if ((op !== 1 && op !== 2) || hlen > 16) return 'skip';
  if (b.length < FIXED) return 'violation';
  const m: DhcpMessage = {
    op,
    messageType: 0,
    xid: u32(b, 4),
    ciaddr: ipv4Text(b, 12),
    yiaddr: ipv4Text(b, 16),
    giaddr: ipv4Text(b, 24),
    otherOptions: [],
  };
  if (htype === 1 && hlen === 6) m.chaddr = macAt(b, 28);
  if (b.length < FIXED + 4 || u32(b, FIXED) !== COOKIE) return m; // BOOTP, or no options
  const overload = { v: 0 };
  if (!parseOptions(b, FIXED + 4, b.length, m, overload)) return 'violation';
  if (overload.v & 1) parseOptions(b, 108, 236, m, { v: 0 }); // 'file' carries options
  if (overload.v & 2) parseOptions(b, 44, 108, m, { v: 0 }); // 'sname' carries options
  return m;
}

const PROTO = 'dhcp';

export const dhcpDecoder: AppDecoder = (payload, ctx, emit): DecodeStatus => {
  const m = parseDhcp(payload);
  if (m === 'skip' || m === 'violation') return m;
  if (m.op === 1) {
    // A client speaking: everything describes the client named by chaddr.
    const who: Subject = { mac: m.chaddr ?? ctx.srcMac };
    if (m.ciaddr !== '0.0.0.0') who.ip = m.ciaddr;
    if (m.hostname !== undefined) put(emit, ctx, who, 'hostname', m.hostname, PROTO);
    if (m.requestedIp !== undefined && m.requestedIp !== '0.0.0.0') {
      put(emit, ctx, who, 'dhcp-requested-ip', m.requestedIp, PROTO);
    }
    if (m.prl) put(emit, ctx, who, 'dhcp-prl', m.prl.join(','), PROTO, 1024);
    if (m.maxSize !== undefined) put(emit, ctx, who, 'dhcp-max-size', String(m.maxSize), PROTO);
    if (m.vendorClass !== undefined) put(emit, ctx, who, 'dhcp-vendor-class', m.vendorClass, PROTO);
    if (m.clientId !== undefined) put(emit, ctx, who, 'dhcp-client-id', m.clientId, PROTO);
    if (m.fqdn !== undefined) put(emit, ctx, who, 'fqdn', m.fqdn, PROTO);
  } else if ((m.messageType === 2 || m.messageType === 5 || m.messageType === 0) && m.chaddr) {
    // The server's OFFER / ACK (or a BOOTP reply) binds yiaddr to the client's hardware address.
    if (m.yiaddr !== '0.0.0.0') put(emit, ctx, { mac: m.chaddr }, 'ip', m.yiaddr, PROTO);
  }
  return 'ok';
};

export function dhcpMessageTypeName(t: number): string {
  return DHCP_MESSAGE_TYPES[t] ?? String(t);
}
