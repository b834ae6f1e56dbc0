// DNS (RFC 1035), multicast DNS (RFC 6762) with DNS-SD (RFC 6763), and LLMNR (RFC 4795): one wire
// format, three readings.
//  - unicast DNS (53): the names a device asks for (bounded; from its query, or from the question a
//    response repeats to it), and reverse (PTR) answers that name a private address;
//  - mDNS (5353): the responder's own host name ↔ addresses (A/AAAA owners), the services it offers
//    (PTR service types such as `_ipp._tcp`, SRV instance names and ports), and TXT keys that carry a
//    model or firmware (md, ty, usb_MDL, fv…). Known-answer records in queries describe *other*
//    devices and are ignored; a probe's authority section describes the querier itself;
//  - LLMNR (5355): names a host answers for.
// Names use compression pointers; a name is read with a jump limit and the 255-byte total limit, so
// pointer loops end as a violation, never a hang.
import type { AppDecoder, DecodeStatus, Emit, PacketContext } from './types';
import type { Subject } from './wire';
import { put, srcOf, dstOf, u16, utf8, ipv4Text, ipv6Text, isPrivateIp } from './wire';

export interface NameResult {
  name: string;
  /** Offset just after the name in the original position (after the first pointer, if any). */
  next: number;
}

const MAX_JUMPS = 16;

/**
 * Read a (possibly compressed) domain name at `off`. `msgStart` is where compression offsets count
 * from; `msgEnd` bounds every read. `unterminated` accepts a name that ends at msgEnd without the
 * root label (DHCP FQDN options allow partial names). Returns undefined on any malformation.
 */
export function readName(
  b: Uint8Array,
  off: number,
  msgStart: number,
  msgEnd: number,
  pointers = true,
  unterminated = false,
): NameResult | undefined {
  let name = '';
  let pos = off;
  let next = -1;
  let jumps = 0;
  let total = 0;
  const end = Math.min(msgEnd, b.length);
  while (true) {
    if (pos >= end) {
      if (unterminated && next < 0 && pos === end && total > 0) return { name, next: pos };
      return undefined;
    }
    const len = b[pos]!;
    if (len === 0) {
      if (next < 0) next = pos + 1;
      break;
    }
    const t = len & 0xc0;
    if (t === 0xc0) {
      if (!pointers || pos + 1 >= end) return undefined;
      const ptr = msgStart + (((len & 0x3f) << 8) | b[pos + 1]!);
      if (next < 0) next = pos + 2;
      if (++jumps > MAX_JUMPS || ptr >= end || ptr < msgStart) return undefined;
      pos = ptr;
      continue;
    }
    if (t !== 0) return undefined; // 0x40 / 0x80 label types are obsolete or reserved
    if (pos + 1 + len > end) return undefined;
    total += len + 1;
    if (total > 255) return undefined;
    const label = utf8(b, pos + 1, pos + 1 + len, 63);
    name = name ? name + '.' + label : label;
    pos += 1 + len;
  }
  return { name, next };
}

export type DnsMode = 'dns' | 'mdns' | 'llmnr';

const TYPE_A = 1;
const TYPE_PTR = 12;
const TYPE_TXT = 16;
const TYPE_AAAA = 28;
const TYPE_SRV = 33;

const MAX_QUERIES = 4;
const MAX_RRS = 64;
const MAX_EMITS = 96;

/** TXT keys that carry identity (model, maker, firmware, location) in DNS-SD records, lowercase. */
export const TXT_KEYS: ReadonlySet<string> = new Set([
  'md', 'ty', 'model', 'usb_mdl', 'usb_mfg', 'mfg', 'manufacturer', 'product', 'fv', 'fw', 'firmware',
  'firmwareversion', 'firmware_ver', 'fw_ver', 'swvers', 'sw_ver', 'srcvers', 'osxvers', 'am', 'rpmd',
  'vendor', 'ver', 'vers', 'version', 'note', 'modelname', 'model_name', 'model_number', 'modelnumber',
  'manufacturername', 'hw', 'hwver', 'hw_ver', 'hardware_ver', 'hardware_version', 'os',
]);

/** "_ipp._tcp" from "HP LaserJet._ipp._tcp.local" or "_ipp._tcp.local"; "" when there is none. */
export function serviceType(name: string): string {
  const labels = name.split('.');
  for (let i = 1; i < labels.length; i++) {
    const l = labels[i]!.toLowerCase();
    if ((l === '_tcp' || l === '_udp') && labels[i - 1]!.startsWith('_')) return labels[i - 1]! + '.' + l;
  }
  return '';
}

/** "4.3.2.1.in-addr.arpa" → "1.2.3.4"; ip6.arpa nibbles → IPv6 text; otherwise undefined. */
export function reverseNameToIp(name: string): string | undefined {
  const l = name.toLowerCase();
  if (l.endsWith('.in-addr.arpa')) {
    const p = l.slice(0, -'.in-addr.arpa'.length).split('.');
    if (p.length !== 4 || !p.every((x) => /^\d{1,3}$/.test(x) && Number(x) < 256)) return undefined;
    return p.reverse().map(Number).join('.');
  }
  if (l.endsWith('.ip6.arpa')) {
    const p = l.slice(0, -'.ip6.arpa'.length).split('.');
    if (p.length !== 32 || !p.every((x) => /^[0-9a-f]$/.test(x))) return undefined;
    const bytes = new Uint8Array(16);
    const nib = p.reverse();
    for (let i = 0; i < 16; i++) bytes[i] = parseInt(nib[2 * i]! + nib[2 * i + 1]!, 16);
    return ipv6Text(bytes, 0);
  }
  return undefined;
}

interface Addr {
  owner: string;
  addr: string;
}

/** One decoded DNS message, for tests: names only, never rdata bytes. */
export interface DnsSummary {
  qr: boolean;
  opcode: number;
  questions: string[];
  answers: { name: string; type: number; data?: string }[];
}

/**
 * Parse b[start, end) as one DNS message and (when emit is given) emit identity observations.
 * Returns the status and a summary (used by tests and the TCP framing).
 */
export function decodeDnsMessage(
  b: Uint8Array,
  start: number,
  end: number,
  mode: DnsMode,
  ctx: PacketContext,
  emit: Emit | undefined,
  summary?: DnsSummary,
): DecodeStatus {
  end = Math.min(end, b.length);
  if (end - start < 12) return 'violation';
  const flags = u16(b, start + 2);
  const qr = (flags & 0x8000) !== 0;
  const opcode = (flags >> 11) & 0xf;
  const qd = u16(b, start + 4);
  const an = u16(b, start + 6);
  const ns = u16(b, start + 8);
  const ar = u16(b, start + 10);
  if (opcode === 3 || opcode > 6) return 'violation';
  if (qd * 5 + (an + ns + ar) * 11 > end - start - 12) return 'violation';
  if (summary) {
    summary.qr = qr;
    summary.opcode = opcode;
  }
  const proto = mode;
  const me = srcOf(ctx);
  let emitted = 0;
  const out = (subj: Subject, kind: Parameters<typeof put>[3], value: string, max?: number): void => {
    if (!emit || emitted >= MAX_EMITS) return;
    emitted++;
    put(emit, ctx, subj, kind, value, proto, max);
  };

  let pos = start + 12;
  for (let i = 0; i < qd; i++) {
    const n = readName(b, pos, start, end);
    if (!n || n.next + 4 > end) return 'violation';
    pos = n.next + 4;
    summary?.questions.push(n.name);
    if (i < MAX_QUERIES && n.name) {
      // A query names what the sender asked for; a unicast response repeats the question of its
      // receiver (seen when only one direction of the exchange is captured).
      if (!qr) out(me, 'dns-query', n.name);
      else if (mode === 'dns') out(dstOf(ctx), 'dns-query', n.name);
    }
  }

  const addrs: Addr[] = [];
  const rrCount = Math.min(an + ns + ar, MAX_RRS);
  for (let i = 0; i < rrCount; i++) {
    const n = readName(b, pos, start, end);
    if (!n || n.next + 10 > end) return 'violation';
    const type = u16(b, n.next);
    const rdlen = u16(b, n.next + 8);
    const rd = n.next + 10;
    const rdEnd = rd + rdlen;
    if (rdEnd > end) return 'violation';
    pos = rdEnd;
    const section = i < an ? 'an' : i < an + ns ? 'ns' : 'ar';
    // In an mDNS query only a probe's authority records describe the querier; answers there are
    // "known answers" about other hosts. Unicast DNS and LLMNR queries carry nothing about the asker.
    const aboutSender = qr ? true : mode === 'mdns' && section === 'ns';
    let data: string | undefined;
    if (type === TYPE_A && rdlen === 4) {
      data = ipv4Text(b, rd);
      if (aboutSender && mode !== 'dns' && addrs.length < 32) addrs.push({ owner: n.name, addr: data });
    } else if (type === TYPE_AAAA && rdlen === 16) {
      data = ipv6Text(b, rd);
      if (aboutSender && mode !== 'dns' && addrs.length < 32) addrs.push({ owner: n.name, addr: data });
    } else if (type === TYPE_PTR) {
      const t = readName(b, rd, start, rdEnd);
      if (!t) continue;
      data = t.name;
      if (!aboutSender) continue;
      const rev = reverseNameToIp(n.name);
      if (rev) {
        // A reverse answer names an address; keep it when the address is on-site (or from mDNS).
        if ((mode !== 'dns' || isPrivateIp(rev)) && qr) {
          out(rev === ctx.srcIp ? me : { ip: rev }, 'hostname', t.name);
        }
      } else if (mode === 'mdns') {
        const svc = serviceType(t.name) || serviceType(n.name);
        if (svc) out(me, 'mdns-service', svc);
        if (n.name.toLowerCase() !== '_services._dns-sd._udp.local' && serviceType(t.name)) {
          out(me, 'mdns-instance', t.name);
        }
      }
    } else if (type === TYPE_SRV && rdlen >= 7) {
      const t = readName(b, rd + 6, start, rdEnd);
      data = t?.name;
      if (aboutSender && mode === 'mdns') {
        const svc = serviceType(n.name);
        if (svc) {
          out(me, 'mdns-service', svc);
          out(me, 'mdns-instance', n.name);
          const port = u16(b, rd + 4);
          if (port) out(me, 'service', `${svc.endsWith('_udp') ? 'udp' : 'tcp'}/${port}`);
        }
      }
    } else if (type === TYPE_TXT && aboutSender && mode === 'mdns') {
      let p = rd;
      let k = 0;
      while (p < rdEnd && k < 32) {
        const l = b[p]!;
        const s = p + 1;
        const e = s + l;
        if (e > rdEnd) break;
        k++;
        const kv = utf8(b, s, e, 200);
        const eq = kv.indexOf('=');
        if (eq > 0) {
          const key = kv.slice(0, eq).toLowerCase();
          if (TXT_KEYS.has(key)) out(me, 'mdns-txt', kv.slice(0, eq) + '=' + kv.slice(eq + 1, eq + 1 + 128));
        }
        p = e;
      }
    }
    summary?.answers.push({ name: n.name, type, ...(data !== undefined ? { data } : {}) });
  }

  if (addrs.length) {
    // Which owner names are the sender's own? Those with an address equal to the source address;
    // failing that, when every address record has one owner, that owner (a host announcing itself).
    const self = new Set<string>();
    for (const a of addrs) if (a.addr === ctx.srcIp) self.add(a.owner.toLowerCase());
    if (!self.size) {
      const o = addrs[0]!.owner.toLowerCase();
      if (addrs.every((a) => a.owner.toLowerCase() === o)) self.add(o);
    }
    for (const a of addrs) {
      const mine = self.has(a.owner.toLowerCase());
      const subj: Subject = mine ? { mac: ctx.srcMac, ip: a.addr } : { ip: a.addr };
      out(subj, mode === 'llmnr' ? 'llmnr-name' : 'hostname', a.owner);
      if (mine && a.addr !== ctx.srcIp && ctx.srcMac) out({ mac: ctx.srcMac }, 'ip', a.addr);
    }
  }
  return 'ok';
}

function udpDns(mode: DnsMode): AppDecoder {
  return (payload, ctx, emit) => decodeDnsMessage(payload, 0, payload.length, mode, ctx, emit);
}

/** Unicast DNS over UDP (port 53). */
export const dnsDecoder: AppDecoder = udpDns('dns');
/** Multicast DNS / DNS-SD (port 5353). */
export const mdnsDecoder: AppDecoder = udpDns('mdns');
/** LLMNR (port 5355). */
export const llmnrDecoder: AppDecoder = udpDns('llmnr');

/** DNS over TCP (RFC 1035 §4.2.2): a 2-byte length, then the message; only the first is read. */
export const dnsTcpDecoder: AppDecoder = (payload, ctx, emit) => {
  if (payload.length < 14) return 'skip';
  const len = u16(payload, 0);
  if (len < 12) return 'violation';
  return decodeDnsMessage(payload, 2, Math.min(2 + len, payload.length), 'dns', ctx, emit);
};
