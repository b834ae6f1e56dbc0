// DICOM Upper Layer (PS3.8 §9.3): only the association PDUs are read. A-ASSOCIATE-RQ (0x01) and
// -AC (0x02) carry the called and calling AE titles (16 bytes each, space padded) and a User
// Information item (0x50) whose sub-items name the implementation: Implementation Class UID (0x52;
// its root names the maker) and Implementation Version Name (0x55). Presentation contexts and every
// other item are skipped. P-DATA-TF (0x04) carries patient data: it is recognised by its header and
// never read.
import type { AppDecoder, DecodeStatus } from './types';
import { put, srcOf, dstOf, u16, u32, latin1, trimPad } from './wire';

export interface DicomAssociate {
  pduType: 1 | 2;
  calledAe: string;
  callingAe: string;
  implClassUid?: string;
  implVersion?: string;
}

const MAX_PDU = 1 << 20;

/** A-ASSOCIATE-RQ/AC header: type 1/2, reserved 0, plausible length, protocol version bit 0. */
export function looksLikeDicomAssociate(b: Uint8Array): boolean {
  if (b.length < 10 || (b[0] !== 1 && b[0] !== 2) || b[1] !== 0) return false;
  const len = u32(b, 2);
  return len >= 68 && len <= MAX_PDU && (u16(b, 6) & 1) === 1;
}

const trimAe = trimPad;

export function parseDicomAssociate(b: Uint8Array): DicomAssociate | 'violation' {
  if (b.length < 74) return 'violation';
  const pduType = b[0] === 1 ? 1 : 2;
  const a: DicomAssociate = {
    pduType,
    calledAe: trimAe(latin1(b, 10, 26, 16)),
    callingAe: trimAe(latin1(b, 26, 42, 16)),
  };
  const end = Math.min(b.length, 6 + u32(b, 2));
  let p = 74;
  for (let n = 0; p + 4 <= end && n < 256; n++) {
    const type = b[p]!;
    const len = u16(b, p + 2);
    const v = p + 4;
    const e = v + len;
    if (e > end) break; // the rest is in the next segment
    if (type === 0x50) {
      let q = v;
      for (let k = 0; q + 4 <= e && k < 32; k++) {
        const st = b[q]!;
        const sl = u16(b, q + 2);
        const sv = q + 4;
        if (sv + sl > e) return 'violation';
        if (st === 0x52) a.implClassUid = trimAe(latin1(b, sv, sv + sl, 64));
        else if (st === 0x55) a.implVersion = trimAe(latin1(b, sv, sv + sl, 16));
        q = sv + sl;
      }
    }
    p = e;
  }
  return a;
}

const PROTO = 'dicom';

export const dicomDecoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  if (b.length < 6) return 'skip';
  const t = b[0]!;
  if (t >= 3 && t <= 7) {
    // A-ASSOCIATE-RJ, P-DATA-TF, A-RELEASE-RQ/RP, A-ABORT: recognised, never read.
    return b[1] === 0 && u32(b, 2) <= MAX_PDU ? 'ok' : 'skip';
  }
  if (!looksLikeDicomAssociate(b)) return 'skip';
  const a = parseDicomAssociate(b);
  if (a === 'violation') return a;
  // RQ: the sender is the caller; AC: the sender is the called (accepting) entity.
  const caller = a.pduType === 1 ? srcOf(ctx) : dstOf(ctx);
  const called = a.pduType === 1 ? dstOf(ctx) : srcOf(ctx);
  put(emit, ctx, caller, 'dicom-calling-ae', a.callingAe, PROTO, 16);
  put(emit, ctx, called, 'dicom-called-ae', a.calledAe, PROTO, 16);
  const me = srcOf(ctx);
  if (a.implClassUid) put(emit, ctx, me, 'dicom-impl-class-uid', a.implClassUid, PROTO, 64);
  if (a.implVersion) put(emit, ctx, me, 'dicom-impl-version', a.implVersion, PROTO, 16);
  if (a.pduType === 2 && ctx.srcPort !== undefined) put(emit, ctx, me, 'service', `tcp/${ctx.srcPort}`, PROTO);
  return 'ok';
};
