// Barcode texts shared by walk mode (which reads them) and the printed room sheets/labels (which
// print them). One place so a label printed today scans tomorrow.
//
// Format (agreed with the room-sheet feature, issue 7):
//   room label:  "ROOM:<roomNumber>"   e.g. "ROOM:3.14"   (Code 128 or QR; the prefix is ASCII)
//   asset label: the asset tag as it is, e.g. "BME-004711" (what existing CMMS labels already carry)
// An optional "ASSET:" prefix is accepted for labels that want to be explicit. Prefixes are
// case-insensitive because some keyboard-wedge scanners send with Caps Lock state applied.
import type { Room } from '../model/location';

export const ROOM_PREFIX = 'ROOM:';
export const ASSET_PREFIX = 'ASSET:';

export type ScanKind = 'room' | 'asset';
export interface ParsedScan {
  kind: ScanKind;
  /** Room number (kind 'room') or asset tag / serial text (kind 'asset'); trimmed, never empty. */
  value: string;
}

/** The text to encode in a room's barcode. */
export function roomBarcodeText(room: Pick<Room, 'number'>): string {
  return ROOM_PREFIX + room.number.trim();
}

/** The text to encode in an asset's barcode (its tag as is). */
export function assetBarcodeText(asset: { assetTag?: string; serial?: string }): string | undefined {
  const t = (asset.assetTag ?? asset.serial ?? '').trim();
  return t || undefined;
}

/**
 * Interpret what a scanner (or a person typing) produced. Control characters that some scanners add
 * (CR, LF, TAB, GS as the GS1 separator) and surrounding spaces are removed. Returns undefined for an
 * empty scan or a bare prefix.
 */
export function parseScan(text: string): ParsedScan | undefined {
  // eslint-disable-next-line no-control-regex
  const t = text.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!t) return undefined;
  const upper = t.toUpperCase();
  if (upper.startsWith(ROOM_PREFIX)) {
    const value = t.slice(ROOM_PREFIX.length).trim();
    return value ? { kind: 'room', value } : undefined;
  }
  if (upper.startsWith(ASSET_PREFIX)) {
    const value = t.slice(ASSET_PREFIX.length).trim();
    return value ? { kind: 'asset', value } : undefined;
  }
  return { kind: 'asset', value: t };
}
