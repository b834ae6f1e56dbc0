// LLDP (IEEE 802.1AB-2016 §8, EtherType 0x88cc). A TLV list: 7-bit type, 9-bit length. Chassis ID
// (1), Port ID (2) and TTL (3) come first; then port description (4), system name (5), system
// description (6), capabilities (7) and management address (8). A frame from a bridge/router/AP
// also says where the capture point is plugged in: 'switch-port' = "system-name|port-id".
import type { AppDecoder, DecodeStatus } from './types';
import type { Subject } from './wire';
import { put, u16, utf8, hex, ipv4Text, ipv6Text, macAt } from './wire';

export interface LldpInfo {
  chassisId?: string;
  chassisSubtype?: number;
  portId?: string;
  portSubtype?: number;
  ttl?: number;
  portDesc?: string;
  systemName?: string;
  systemDesc?: string;
  /** Enabled capabilities' names. */
  capabilities?: string[];
  mgmtAddrs: string[];
  tlvTypes: number[];
}

export const LLDP_CAPS = [
  'other', 'repeater', 'bridge', 'wlan-ap', 'router', 'telephone', 'docsis', 'station', 'cvlan',
  'svlan', 'tpmr',
] as const;

/** Network address (IANA address family + address) as text. */
function netAddr(b: Uint8Array, s: number, e: number): string {
  const fam = b[s];
  if (fam === 1 && e - s === 5) return ipv4Text(b, s + 1);
  if (fam === 2 && e - s === 17) return ipv6Text(b, s + 1);
  if (fam === 6 && e - s === 7) return macAt(b, s + 1);
  return hex(b, s, e);
}

/** Chassis/port id subtypes: 4 / 3 = MAC, 5 / 4 = network address; the rest are text (or hex). */
function idText(b: Uint8Array, s: number, e: number, macSub: number, addrSub: number, sub: number): string {
  if (sub === macSub && e - s === 6) return macAt(b, s);
  if (sub === addrSub && e - s >= 2) return netAddr(b, s, e);
  let printable = true;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09) {
      printable = false;
      break;
    }
  }
  return printable ? utf8(b, s, e) : hex(b, s, e, ':');
}

export function parseLldp(b: Uint8Array): LldpInfo | 'violation' {
  const info: LldpInfo = { mgmtAddrs: [], tlvTypes: [] };
  let p = 0;
  let n = 0;
  while (p + 2 <= b.length) {
    const th = u16(b, p);
    const type = th >> 9;
    const len = th & 0x1ff;
    const v = p + 2;
    const e = v + len;
    if (e > b.length) return 'violation';
    if (type === 0) break; // End of LLDPDU
    if (++n > 128) return 'violation';
    // the first three TLVs are mandatory and ordered
    if ((n === 1 && type !== 1) || (n === 2 && type !== 2) || (n === 3 && type !== 3)) return 'violation';
    if (info.tlvTypes.length < 64) info.tlvTypes.push(type);
    switch (type) {
      case 1:
      case 2:
        if (len < 2) return 'violation';
        if (type === 1) {
          info.chassisSubtype = b[v]!;
          info.chassisId = idText(b, v + 1, e, 4, 5, b[v]!);
        } else {
          info.portSubtype = b[v]!;
          info.portId = idText(b, v + 1, e, 3, 4, b[v]!);
        }
        break;
      case 3:
        if (len < 2) return 'violation';
        info.ttl = u16(b, v);
        break;
      case 4:
        info.portDesc = utf8(b, v, e);
        break;
      case 5:
        info.systemName = utf8(b, v, e);
        break;
      case 6:
        info.systemDesc = utf8(b, v, e);
        break;
      case 7:
        if (len >= 4) {
          const en = u16(b, v + 2);
          info.capabilities = LLDP_CAPS.filter((_, i) => (en & (1 << i)) !== 0);
        }
        break;
      case 8:
        if (len >= 2) {
          const al = b[v]!; // address string length: subtype + address
          if (al >= 2 && v + 1 + al <= e && info.mgmtAddrs.length < 8) info.mgmtAddrs.push(netAddr(b, v + 1, v + 1 + al));
        }
        break;
      default:
        break;
    }
    p = e;
  }
  if (n < 3) return 'violation';
  return info;
}

const PROTO = 'lldp';

export const lldpDecoder: AppDecoder = (payload, ctx, emit): DecodeStatus => {
  const info = parseLldp(payload);
  if (info === 'violation') return info;
  const who: Subject = { mac: ctx.srcMac };
  if (info.chassisId) put(emit, ctx, who, 'lldp-chassis-id', info.chassisId, PROTO);
  if (info.portId) put(emit, ctx, who, 'lldp-port-id', info.portId, PROTO);
  if (info.portDesc) put(emit, ctx, who, 'lldp-port-desc', info.portDesc, PROTO);
  if (info.systemName) put(emit, ctx, who, 'lldp-system-name', info.systemName, PROTO);
  if (info.systemDesc) put(emit, ctx, who, 'lldp-system-desc', info.systemDesc, PROTO);
  if (info.capabilities) put(emit, ctx, who, 'lldp-capabilities', info.capabilities.join(','), PROTO);
  for (const a of info.mgmtAddrs) put(emit, ctx, who, 'lldp-mgmt-addr', a, PROTO);
  const infra = info.capabilities?.some((c) => c === 'bridge' || c === 'router' || c === 'wlan-ap');
  if (infra && info.portId) {
    put(emit, ctx, who, 'switch-port', `${info.systemName || info.chassisId || ''}|${info.portId}`, PROTO);
  }
  return 'ok';
};
