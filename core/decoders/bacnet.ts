// BACnet/IP (ANSI/ASHRAE 135-2020 Annex J BVLC, clause 6 NPDU, clause 20 APDU). Only the
// Unconfirmed-Request I-Am (service 0) is read: its device object identifier (object type 8 +
// 22-bit instance) and vendor identifier name a building-system controller (HVAC, vaccine fridge,
// nurse call). Who-Is (service 8) and everything else is recognised and ignored. An I-Am that
// arrived through a BACnet router (NPDU with a source network) describes a device behind that router,
// and one relayed by a BBMD (Forwarded-NPDU) names its originator by the B/IP address in the BVLC.
import type { AppDecoder, DecodeStatus } from './types';
import type { Subject } from './wire';
import { put, srcOf, u16, u32, ipv4Text } from './wire';

export interface BacnetIAm {
  objectType: number;
  instance: number;
  maxApdu?: number;
  segmentation?: number;
  vendorId?: number;
  /** Originator B/IP address from a Forwarded-NPDU. */
  forwardedFrom?: string;
  /** Source network number when the I-Am came through a BACnet router. */
  sourceNetwork?: number;
}

/** Read an application-tagged unsigned/enumerated value (tag number `want`) at p. */
function appUnsigned(b: Uint8Array, p: number, end: number, want: number): { v: number; next: number } | undefined {
  if (p >= end) return undefined;
  const h = b[p]!;
  if (h >> 4 !== want || (h & 0x08) !== 0) return undefined;
  const len = h & 0x07;
  if (len < 1 || len > 4 || p + 1 + len > end) return undefined;
  let v = 0;
  for (let i = 0; i < len; i++) v = v * 256 + b[p + 1 + i]!;
  return { v, next: p + 1 + len };
}

export type BacnetResult = { iAm?: BacnetIAm; service?: number } | 'skip' | 'violation';

export function parseBacnet(b: Uint8Array): BacnetResult {
  if (b.length < 4 || b[0] !== 0x81) return 'skip';
  const fn = b[1]!;
  const bvlcLen = u16(b, 2);
  if (bvlcLen !== b.length) return bvlcLen > b.length ? 'violation' : 'skip';
  let p = 4;
  let forwardedFrom: string | undefined;
  if (fn === 0x04) {
    if (b.length < 10) return 'violation';
    forwardedFrom = ipv4Text(b, 4);
    p = 10;
  } else if (fn !== 0x0a && fn !== 0x0b && fn !== 0x09) {
    return {}; // BVLC control functions (results, BDT/FDT management): nothing to read
  }
  // NPDU
  if (p + 2 > b.length || b[p] !== 0x01) return 'violation';
  const ctl = b[p + 1]!;
  p += 2;
  let sourceNetwork: number | undefined;
  if (ctl & 0x20) {
    if (p + 3 > b.length) return 'violation';
    const dlen = b[p + 2]!;
    p += 3 + dlen;
  }
  if (ctl & 0x08) {
    if (p + 3 > b.length) return 'violation';
    sourceNetwork = u16(b, p);
    const slen = b[p + 2]!;
    p += 3 + slen;
  }
  if (ctl & 0x20) p += 1; // hop count
  if (p > b.length) return 'violation';
  if (ctl & 0x80) return {}; // network-layer message
  // APDU
  if (p + 2 > b.length) return 'violation';
  if (b[p]! >> 4 !== 1) return {}; // not an Unconfirmed-Request
  const service = b[p + 1]!;
  if (service !== 0) return { service };
  p += 2;
  // I-Am: BACnetObjectIdentifier (application tag 12, length 4)
  if (p + 5 > b.length || b[p] !== 0xc4) return 'violation';
  const oid = u32(b, p + 1);
  p += 5;
  const iAm: BacnetIAm = { objectType: oid >>> 22, instance: oid & 0x3fffff };
  if (forwardedFrom !== undefined) iAm.forwardedFrom = forwardedFrom;
  if (sourceNetwork !== undefined) iAm.sourceNetwork = sourceNetwork;
  const maxApdu = appUnsigned(b, p, b.length, 2);
  if (maxApdu) {
    iAm.maxApdu = maxApdu.v;
    p = maxApdu.next;
    const seg = appUnsigned(b, p, b.length, 9);
    if (seg) {
      iAm.segmentation = seg.v;
      p = seg.next;
      const vendor = appUnsigned(b, p, b.length, 2);
      if (vendor) iAm.vendorId = vendor.v;
    }
  }
  return { iAm, service };
}

const PROTO = 'bacnet';

export const bacnetDecoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  const r = parseBacnet(b);
  if (r === 'skip' || r === 'violation') return r;
  const i = r.iAm;
  if (!i || i.objectType !== 8) return 'ok';
  // Behind a BACnet router the device has no address of its own on this network: nothing to bind.
  if (i.sourceNetwork !== undefined) return 'ok';
  const who: Subject = i.forwardedFrom !== undefined ? { ip: i.forwardedFrom } : srcOf(ctx);
  put(emit, ctx, who, 'bacnet-device-instance', String(i.instance), PROTO);
  if (i.vendorId !== undefined) put(emit, ctx, who, 'bacnet-vendor-id', String(i.vendorId), PROTO);
  return 'ok';
};
