// Cisco Discovery Protocol v1/v2 (carried in LLC/SNAP, OUI 00000c, PID 0x2000). Header: version,
// TTL, checksum; then TLVs of type(2) length(2, header included). Kept: device id (1), addresses (2),
// port id (3), capabilities (4), software version (5), platform (6), management addresses (0x16).
// A frame from a router/switch/bridge also gives the capture point's 'switch-port'.
import type { AppDecoder, DecodeStatus } from './types';
import type { Subject } from './wire';
import { put, u8, u16, u32, utf8, ipv4Text, ipv6Text } from './wire';

export interface CdpInfo {
  version: number;
  deviceId?: string;
  portId?: string;
  software?: string;
  platform?: string;
  capabilities?: string[];
  addresses: string[];
  mgmtAddresses: string[];
  nativeVlan?: number;
  tlvTypes: number[];
}

export const CDP_CAPS = [
  'router', 'transparent-bridge', 'source-route-bridge', 'switch', 'host', 'igmp', 'repeater',
  'phone', 'remotely-managed', 'cvta', 'mac-relay',
] as const;

/** The CDP address list: count(4), then {ptype(1) plen(1) proto(plen) alen(2) addr(alen)}. */
function addresses(b: Uint8Array, s: number, e: number, out: string[]): boolean {
  if (e - s < 4) return false;
  const count = u32(b, s);
  let p = s + 4;
  for (let i = 0; i < count && i < 16; i++) {
    if (p + 2 > e) return false;
    const ptype = b[p]!;
    const plen = b[p + 1]!;
    const proto = p + 2;
    if (proto + plen + 2 > e) return false;
    const alen = u16(b, proto + plen);
    const a = proto + plen + 2;
    if (a + alen > e) return false;
    if (ptype === 1 && plen === 1 && b[proto] === 0xcc && alen === 4) out.push(ipv4Text(b, a));
    else if (ptype === 2 && plen === 8 && u16(b, proto + 6) === 0x86dd && alen === 16) out.push(ipv6Text(b, a));
    p = a + alen;
  }
  return true;
}

export function parseCdp(b: Uint8Array): CdpInfo | 'skip' | 'violation' {
  if (b.length < 4) return 'skip';
  const version = u8(b, 0);
  if (version !== 1 && version !== 2) return 'violation';
  const info: CdpInfo = { version, addresses: [], mgmtAddresses: [], tlvTypes: [] };
  let p = 4;
  let n = 0;
  while (p + 4 <= b.length) {
    const type = u16(b, p);
    const len = u16(b, p + 2);
    if (len < 4) return 'violation';
    const v = p + 4;
    const e = p + len;
    if (e > b.length) return 'violation';
    if (++n > 128) return 'violation';
    if (info.tlvTypes.length < 64) info.tlvTypes.push(type);
    switch (type) {
      case 0x01:
        info.deviceId = utf8(b, v, e);
        break;
      case 0x02:
        if (!addresses(b, v, e, info.addresses)) return 'violation';
        break;
      case 0x03:
        info.portId = utf8(b, v, e);
        break;
      case 0x04:
        if (e - v === 4) {
          const c = u32(b, v);
          info.capabilities = CDP_CAPS.filter((_, i) => (c & (1 << i)) !== 0);
        }
        break;
      case 0x05:
        info.software = utf8(b, v, e, 512);
        break;
      case 0x06:
        info.platform = utf8(b, v, e);
        break;
      case 0x0a:
        if (e - v === 2) info.nativeVlan = u16(b, v);
        break;
      case 0x16:
        if (!addresses(b, v, e, info.mgmtAddresses)) return 'violation';
        break;
      default:
        break;
    }
    p = e;
  }
  return info;
}

const PROTO = 'cdp';

export const cdpDecoder: AppDecoder = (payload, ctx, emit): DecodeStatus => {
  const info = parseCdp(payload);
  if (info === 'skip' || info === 'violation') return info;
  const who: Subject = { mac: ctx.srcMac };
  if (info.deviceId) put(emit, ctx, who, 'cdp-device-id', info.deviceId, PROTO);
  if (info.platform) put(emit, ctx, who, 'cdp-platform', info.platform, PROTO);
  if (info.software) put(emit, ctx, who, 'cdp-software', info.software, PROTO);
  if (info.portId) put(emit, ctx, who, 'cdp-port-id', info.portId, PROTO);
  if (info.capabilities) put(emit, ctx, who, 'cdp-capabilities', info.capabilities.join(','), PROTO);
  const mgmt = new Set([...info.mgmtAddresses, ...info.addresses]);
  let k = 0;
  for (const a of mgmt) if (k++ < 8) put(emit, ctx, who, 'cdp-mgmt-addr', a, PROTO);
  const infra = info.capabilities?.some((c) => c === 'router' || c === 'switch' || c.endsWith('bridge'));
  if (infra && info.portId) put(emit, ctx, who, 'switch-port', `${info.deviceId ?? ''}|${info.portId}`, PROTO);
  return 'ok';
};
