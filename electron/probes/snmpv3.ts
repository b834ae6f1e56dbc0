// SNMPv3 USM cryptography for the read-only system-group GET: password-to-key and key localisation
// (RFC 3414 §A.2), HMAC-SHA-96 (RFC 3414 §7) or HMAC-SHA-256-192 (RFC 7860 §4.2), AES-128-CFB with
// the IV built from engine boots, engine time and our salt (RFC 3826 §3.1). One attempt is two
// datagrams: engine discovery (an empty, unauthenticated GetRequest that the agent answers with a
// Report) and the authenticated (and, with privacy, encrypted) GetRequest.
import crypto from 'node:crypto';
import type { SnmpV3Credentials } from '../../core/probe-policy/policy';
import { SYSTEM_OIDS, decodePdu, getPdu } from '../../core/probes/snmp-get';
import type { SystemGetResponse } from '../../core/probes/snmp-get';
import {
  FLAG_AUTH,
  FLAG_PRIV,
  FLAG_REPORTABLE,
  USM_STATS_UNKNOWN_ENGINE_IDS,
  decodeV3,
  encodeV3,
  scopedInner,
  scopedPdu,
} from '../../core/probes/snmp-v3';
import type { UsmParams } from '../../core/probes/snmp-v3';
import { T_GET_RESPONSE, T_REPORT, readTlv } from '../../core/probes/snmp-get';

const HASH = { sha1: 'sha1', sha256: 'sha256' } as const;
const MAC_LEN = { sha1: 12, sha256: 24 } as const;

/** RFC 3414 §A.2.1/A.2.2: Ku from 1 MiB of the repeated password, then Kul = H(Ku | engineID | Ku). */
export function localizedKey(proto: 'sha1' | 'sha256', password: string, engineId: Uint8Array): Buffer {
  const h = crypto.createHash(HASH[proto]);
  const pw = Buffer.from(password, 'latin1');
  const chunk = Buffer.alloc(64);
  let used = 0;
  let i = 0;
  while (used < 1048576) {
    for (let j = 0; j < 64; j++) chunk[j] = pw[i++ % pw.length]!;
    h.update(chunk);
    used += 64;
  }
  const ku = h.digest();
  return crypto.createHash(HASH[proto]).update(Buffer.concat([ku, engineId, ku])).digest();
}

function hmac(proto: 'sha1' | 'sha256', key: Buffer, msg: Uint8Array): Buffer {
  return crypto.createHmac(HASH[proto], key).update(msg).digest().subarray(0, MAC_LEN[proto]);
}

function aesIv(boots: number, time: number, salt: Uint8Array): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(boots >>> 0, 0);
  iv.writeUInt32BE(time >>> 0, 4);
  Buffer.from(salt).copy(iv, 8, 0, 8);
  return iv;
}

/** The discovery request: noAuthNoPriv, reportable, empty engine id and user, empty varbind list. */
export function discoveryRequest(msgId: number, requestId: number): Uint8Array {
  const usm: UsmParams = { engineId: new Uint8Array(0), boots: 0, time: 0, user: '', authParams: new Uint8Array(0), privParams: new Uint8Array(0) };
  return encodeV3(msgId, FLAG_REPORTABLE, usm, scopedPdu(new Uint8Array(0), '', getPdu(requestId, []))).bytes;
}

export interface Engine {
  engineId: Uint8Array;
  boots: number;
  time: number;
  /** When the Report arrived (ms), to advance engine time for the request. */
  at: number;
}

/** Engine id, boots and time from the agent's Report to discovery; undefined if it is not that. */
export function parseDiscoveryReport(b: Uint8Array, msgId: number, now: number): Engine | undefined {
  const d = decodeV3(b);
  if (!d || d.msgId !== msgId || !d.scoped || d.usm.engineId.length < 5) return undefined;
  const inner = scopedInner(b, d.scoped);
  if (!inner || inner.pdu.tag !== T_REPORT || inner.firstOid !== USM_STATS_UNKNOWN_ENGINE_IDS) return undefined;
  return { engineId: d.usm.engineId, boots: d.usm.boots, time: d.usm.time, at: now };
}

export interface Keys {
  auth: Buffer;
  priv?: Buffer;
}

export function keysFor(cred: SnmpV3Credentials, engineId: Uint8Array): Keys {
  const auth = localizedKey(cred.authProtocol, cred.authPassword, engineId);
  // RFC 3826 §1.2: the privacy key is localised with the authentication hash; AES-128 takes 16 bytes.
  return cred.privProtocol && cred.privPassword ? { auth, priv: localizedKey(cred.authProtocol, cred.privPassword, engineId).subarray(0, 16) } : { auth };
}

/** The authenticated (and encrypted) GET of the system group. */
export function getRequest(cred: SnmpV3Credentials, keys: Keys, engine: Engine, msgId: number, requestId: number, salt: Uint8Array, now: number): Uint8Array {
  const time = engine.time + Math.floor((now - engine.at) / 1000);
  const flags = FLAG_AUTH | FLAG_REPORTABLE | (keys.priv ? FLAG_PRIV : 0);
  const scoped = scopedPdu(engine.engineId, '', getPdu(requestId, Object.values(SYSTEM_OIDS)));
  let data = scoped;
  let privParams: Uint8Array = new Uint8Array(0);
  if (keys.priv) {
    privParams = salt;
    const c = crypto.createCipheriv('aes-128-cfb', keys.priv, aesIv(engine.boots, time, salt));
    const enc = Buffer.concat([c.update(Uint8Array.from(scoped)), c.final()]);
    data = [0x04, ...berLen(enc.length), ...enc];
  }
  const usm: UsmParams = { engineId: engine.engineId, boots: engine.boots, time, user: cred.user, authParams: new Uint8Array(MAC_LEN[cred.authProtocol]), privParams };
  const { bytes, authOffset } = encodeV3(msgId, flags, usm, data);
  hmac(cred.authProtocol, keys.auth, bytes).copy(bytes, authOffset);
  return bytes;
}

function berLen(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

export type V3Answer = { kind: 'response'; value: SystemGetResponse } | { kind: 'report'; oid: string | undefined };

/** Check the agent's HMAC, decrypt, and decode; undefined when the datagram fails any check. */
export function parseResponse(cred: SnmpV3Credentials, keys: Keys, b: Uint8Array, msgId: number, requestId: number): V3Answer | undefined {
  const d = decodeV3(b);
  if (!d || d.msgId !== msgId) return undefined;
  if (d.flags & FLAG_AUTH) {
    if (d.usm.authParams.length !== MAC_LEN[cred.authProtocol]) return undefined;
    const copy = Uint8Array.from(b);
    copy.fill(0, d.authOffset, d.authOffset + d.usm.authParams.length);
    if (!crypto.timingSafeEqual(hmac(cred.authProtocol, keys.auth, copy), Buffer.from(d.usm.authParams))) return undefined;
  }
  let body: Uint8Array = b;
  let scoped = d.scoped;
  if (d.encrypted) {
    if (!keys.priv || d.usm.privParams.length !== 8) return undefined;
    const dc = crypto.createDecipheriv('aes-128-cfb', keys.priv, aesIv(d.usm.boots, d.usm.time, d.usm.privParams));
    body = new Uint8Array(Buffer.concat([dc.update(b.subarray(d.encrypted.start, d.encrypted.end)), dc.final()]));
    scoped = readTlv(body, 0, body.length); // the decrypted bytes are a ScopedPDU TLV
    if (scoped?.tag !== 0x30) return undefined;
  }
  if (!scoped) return undefined;
  const inner = scopedInner(body, scoped);
  if (!inner) return undefined;
  if (inner.pdu.tag === T_REPORT) return { kind: 'report', oid: inner.firstOid };
  if (inner.pdu.tag !== T_GET_RESPONSE || !(d.flags & FLAG_AUTH)) return undefined; // an answer must be authenticated
  const value = decodePdu(body, inner.pdu);
  return value && value.requestId === requestId ? { kind: 'response', value } : undefined;
}
