// SNMPv3 message layout for the same read-only system-group GET (RFC 3412 §6 message format, RFC 3414
// §2.4 USM security parameters). Pure BER: the cryptography (key localisation, HMAC, AES-CFB) lives on
// the Node side (electron/probes/snmpv3.ts) and works on the offsets this module reports.
import { T_INTEGER, T_OCTETS, T_SEQUENCE, ascii, decodeOid, int, readInt, readTlv, tlv } from './snmp-get';
import type { Tlv } from './snmp-get';

export const FLAG_AUTH = 0x01;
export const FLAG_PRIV = 0x02;
export const FLAG_REPORTABLE = 0x04;
export const USM_SECURITY_MODEL = 3;
/** usmStatsUnknownEngineIDs: the Report an agent sends to a discovery request (RFC 3414 §4). */
export const USM_STATS_UNKNOWN_ENGINE_IDS = '1.3.6.1.6.3.15.1.1.4.0';
export const USM_STATS_NOT_IN_TIME_WINDOWS = '1.3.6.1.6.3.15.1.1.2.0';

export interface UsmParams {
  engineId: Uint8Array;
  boots: number;
  time: number;
  user: string;
  authParams: Uint8Array;
  privParams: Uint8Array;
}

const octs = (b: Uint8Array | number[]) => tlv(T_OCTETS, [...b]);
const headerLen = (whole: number[], bodyLen: number) => whole.length - bodyLen;

/** ScopedPDU (RFC 3412 §6): contextEngineID, contextName, PDU. */
export function scopedPdu(contextEngineId: Uint8Array, contextName: string, pdu: number[]): number[] {
  return tlv(T_SEQUENCE, [...octs(contextEngineId), ...octs(ascii(contextName)), ...pdu]);
}

/**
 * A v3 message. `data` is either a ScopedPDU (TLV bytes) or, with privacy, the OCTET STRING of the
 * encrypted ScopedPDU. Returns the bytes and where the authentication parameters sit, so the caller
 * can compute the HMAC over the whole message with those bytes zeroed and write it in place.
 */
export function encodeV3(msgId: number, flags: number, usm: UsmParams, data: number[]): { bytes: Uint8Array; authOffset: number } {
  const global = tlv(T_SEQUENCE, [...int(msgId & 0x7fffffff), ...int(65507), ...octs([flags]), ...int(USM_SECURITY_MODEL)]);
  const before = [...octs(usm.engineId), ...int(usm.boots), ...int(usm.time), ...octs(ascii(usm.user))];
  const authTlv = octs(usm.authParams);
  const usmBody = [...before, ...authTlv, ...octs(usm.privParams)];
  const usmSeq = tlv(T_SEQUENCE, usmBody);
  const secParams = octs(usmSeq);
  const version = int(3);
  const body = [...version, ...global, ...secParams, ...data];
  const msg = tlv(T_SEQUENCE, body);
  const authOffset =
    headerLen(msg, body.length) +
    version.length +
    global.length +
    headerLen(secParams, usmSeq.length) +
    headerLen(usmSeq, usmBody.length) +
    before.length +
    headerLen(authTlv, usm.authParams.length);
  return { bytes: Uint8Array.from(msg), authOffset };
}

export interface DecodedV3 {
  msgId: number;
  flags: number;
  usm: UsmParams;
  /** Offset of the authentication parameters' value in the message (for HMAC checking). */
  authOffset: number;
  /** Plain ScopedPDU, or the encrypted one's OCTET STRING value (when FLAG_PRIV is set). */
  scoped?: Tlv;
  encrypted?: Tlv;
}

export function decodeV3(b: Uint8Array): DecodedV3 | undefined {
  const msg = readTlv(b, 0, b.length);
  if (!msg || msg.tag !== T_SEQUENCE) return undefined;
  const ver = readTlv(b, msg.start, msg.end);
  if (!ver || readInt(b, ver) !== 3) return undefined;
  const global = readTlv(b, ver.end, msg.end);
  if (!global || global.tag !== T_SEQUENCE) return undefined;
  const id = readTlv(b, global.start, global.end);
  const max = id && readTlv(b, id.end, global.end);
  const fl = max && readTlv(b, max.end, global.end);
  const model = fl && readTlv(b, fl.end, global.end);
  if (!id || !max || !fl || !model || fl.tag !== T_OCTETS || fl.end - fl.start !== 1 || readInt(b, model) !== USM_SECURITY_MODEL) return undefined;
  const msgId = readInt(b, id);
  if (msgId === undefined) return undefined;
  const flags = b[fl.start]!;
  const sec = readTlv(b, global.end, msg.end);
  if (!sec || sec.tag !== T_OCTETS) return undefined;
  const us = readTlv(b, sec.start, sec.end);
  if (!us || us.tag !== T_SEQUENCE) return undefined;
  const fields: Tlv[] = [];
  let p = us.start;
  for (let i = 0; i < 6; i++) {
    const t = readTlv(b, p, us.end);
    if (!t) return undefined;
    fields.push(t);
    p = t.end;
  }
  const [eng, boots, time, user, auth, priv] = fields as [Tlv, Tlv, Tlv, Tlv, Tlv, Tlv];
  if (eng.tag !== T_OCTETS || boots.tag !== T_INTEGER || time.tag !== T_INTEGER || user.tag !== T_OCTETS || auth.tag !== T_OCTETS || priv.tag !== T_OCTETS) return undefined;
  if (eng.end - eng.start > 32 || user.end - user.start > 32) return undefined;
  const usm: UsmParams = {
    engineId: b.slice(eng.start, eng.end),
    boots: readInt(b, boots) ?? -1,
    time: readInt(b, time) ?? -1,
    user: String.fromCharCode(...b.subarray(user.start, user.end)),
    authParams: b.slice(auth.start, auth.end),
    privParams: b.slice(priv.start, priv.end),
  };
  if (usm.boots < 0 || usm.time < 0) return undefined;
  const data = readTlv(b, sec.end, msg.end);
  if (!data) return undefined;
  const out: DecodedV3 = { msgId, flags, usm, authOffset: auth.start };
  if (flags & FLAG_PRIV) {
    if (data.tag !== T_OCTETS) return undefined;
    out.encrypted = data;
  } else {
    if (data.tag !== T_SEQUENCE) return undefined;
    out.scoped = data;
  }
  return out;
}

/** The PDU inside a ScopedPDU, and the OID of its first varbind (a Report names its reason there). */
export function scopedInner(b: Uint8Array, scoped: Tlv): { pdu: Tlv; firstOid?: string } | undefined {
  const ctxEngine = readTlv(b, scoped.start, scoped.end);
  const ctxName = ctxEngine && readTlv(b, ctxEngine.end, scoped.end);
  const pdu = ctxName && readTlv(b, ctxName.end, scoped.end);
  if (!ctxEngine || !ctxName || !pdu || ctxEngine.tag !== T_OCTETS || ctxName.tag !== T_OCTETS) return undefined;
  const rid = readTlv(b, pdu.start, pdu.end);
  const es = rid && readTlv(b, rid.end, pdu.end);
  const ei = es && readTlv(b, es.end, pdu.end);
  const vbl = ei && readTlv(b, ei.end, pdu.end);
  const vb = vbl && vbl.end > vbl.start ? readTlv(b, vbl.start, vbl.end) : undefined;
  const name = vb && readTlv(b, vb.start, vb.end);
  const firstOid = name ? decodeOid(b, name) : undefined;
  return firstOid === undefined ? { pdu } : { pdu, firstOid };
}
