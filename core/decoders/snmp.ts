// SNMP v1/v2c (RFC 1157, RFC 3416) messages: SEQUENCE { version, community, PDU }. A cleartext
// community is itself a risk signal ('snmp-community', 'snmp-version'). Responses and traps carry
// the agent's system group (RFC 3418): sysDescr 1.3.6.1.2.1.1.1.0, sysObjectID .2.0, sysContact .4.0,
// sysName .5.0, sysLocation .6.0 (sometimes a room). SNMPv3 (RFC 3412) is encrypted or at least
// opaque to us: only its version is kept.
import type { ObservationKind } from '../model/observation';
import type { AppDecoder, DecodeStatus, PacketContext } from './types';
import type { Subject } from './wire';
import { put, srcOf, dstOf, utf8 } from './wire';
import type { Tlv } from './ber';
import { readTlv, oidText, intValue } from './ber';

export interface SnmpVarbind {
  oid: string;
  tag: number;
  value?: string;
}

export interface SnmpMessage {
  version: number;
  community?: string;
  pduType?: number;
  varbinds: SnmpVarbind[];
}

const MAX_VARBINDS = 64;

/** sysX.0 → observation kind, keyed by X (the 8th arc of 1.3.6.1.2.1.1.X.0). */
const SYSTEM: ReadonlyMap<number, ObservationKind> = new Map<number, ObservationKind>([
  [1, 'snmp-sys-descr'],
  [2, 'snmp-sys-object-id'],
  [4, 'snmp-sys-contact'],
  [5, 'snmp-sys-name'],
  [6, 'snmp-sys-location'],
]);

function valueText(b: Uint8Array, v: Tlv): string | undefined {
  if (v.tag === 0x04) return utf8(b, v.start, v.end, 512);
  if (v.tag === 0x06) return oidText(b, v.start, v.end);
  if (v.tag === 0x02) return intValue(b, v)?.toString();
  return undefined;
}

/** Parse one SNMP message. 'skip' when the bytes are not BER SNMP at all. */
export function parseSnmp(b: Uint8Array): SnmpMessage | 'skip' | 'violation' {
  const msg = readTlv(b, 0, b.length);
  if (!msg || msg.tag !== 0x30) return b[0] === 0x30 ? 'violation' : 'skip';
  const ver = readTlv(b, msg.start, msg.end);
  if (!ver || ver.tag !== 0x02) return 'violation';
  const version = intValue(b, ver);
  if (version === undefined || (version !== 0 && version !== 1 && version !== 3)) return 'violation';
  const m: SnmpMessage = { version, varbinds: [] };
  if (version === 3) return m;
  const com = readTlv(b, ver.end, msg.end);
  if (!com || com.tag !== 0x04) return 'violation';
  m.community = utf8(b, com.start, com.end, 128);
  const pdu = readTlv(b, com.end, msg.end);
  if (!pdu || pdu.tag < 0xa0 || pdu.tag > 0xa8) return 'violation';
  m.pduType = pdu.tag;
  let p = pdu.start;
  if (pdu.tag === 0xa4) {
    // v1 Trap: enterprise, agent-addr, generic-trap, specific-trap, time-stamp
    for (let i = 0; i < 5; i++) {
      const t = readTlv(b, p, pdu.end);
      if (!t) return 'violation';
      p = t.end;
    }
  } else {
    // request-id, error-status, error-index
    for (let i = 0; i < 3; i++) {
      const t = readTlv(b, p, pdu.end);
      if (!t || t.tag !== 0x02) return 'violation';
      p = t.end;
    }
  }
  const list = readTlv(b, p, pdu.end);
  if (!list || list.tag !== 0x30) return 'violation';
  p = list.start;
  while (p < list.end && m.varbinds.length < MAX_VARBINDS) {
    const vb = readTlv(b, p, list.end);
    if (!vb || vb.tag !== 0x30) return 'violation';
    const oid = readTlv(b, vb.start, vb.end);
    if (!oid || oid.tag !== 0x06) return 'violation';
    const val = readTlv(b, oid.end, vb.end);
    if (!val) return 'violation';
    const o = oidText(b, oid.start, oid.end);
    if (o === undefined) return 'violation';
    const text = valueText(b, val);
    m.varbinds.push({ oid: o, tag: val.tag, ...(text !== undefined ? { value: text } : {}) });
    p = vb.end;
  }
  return m;
}

const PROTO = 'snmp';
const VERSION_NAMES = ['v1', 'v2c', '', 'v3'];

/** Is this PDU sent by the agent (response, trap, inform, report)? */
function fromAgent(pduType: number | undefined, ctx: PacketContext): boolean {
  if (pduType === undefined) return ctx.srcPort === 161 || ctx.srcPort === 162 || ctx.dstPort === 162;
  return pduType === 0xa2 || pduType === 0xa4 || pduType === 0xa6 || pduType === 0xa7 || pduType === 0xa8;
}

export const snmpDecoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  const m = parseSnmp(b);
  if (m === 'skip' || m === 'violation') return m;
  const agentSends = fromAgent(m.pduType, ctx);
  // v3: the agent is whichever end uses port 161 (or sends to 162).
  const agent: Subject = agentSends ? srcOf(ctx) : dstOf(ctx);
  put(emit, ctx, agent, 'snmp-version', VERSION_NAMES[m.version] ?? String(m.version), PROTO);
  if (m.version === 3) return 'ok';
  // A community is only proven accepted when the agent itself uses it (response / trap).
  if (agentSends && m.community !== undefined) put(emit, ctx, agent, 'snmp-community', m.community, PROTO);
  if (!agentSends) return 'ok';
  for (const vb of m.varbinds) {
    const arc = systemOidArc(vb.oid);
    const kind = arc ? SYSTEM.get(arc) : undefined;
    if (kind && vb.value !== undefined && (vb.tag === 0x04 || vb.tag === 0x06)) put(emit, ctx, agent, kind, vb.value, PROTO);
  }
  return 'ok';
};

/** X of "1.3.6.1.2.1.1.X.0", else 0. */
export function systemOidArc(oid: string): number {
  if (!oid.startsWith('1.3.6.1.2.1.1.') || !oid.endsWith('.0')) return 0;
  const x = oid.slice(14, -2);
  return /^\d$/.test(x) ? Number(x) : 0;
}
