// Branded ids (as in tldraw/Excalidraw): a RoomId can never be passed where an AssetId is expected.
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type SiteId = Brand<string, 'SiteId'>;
export type BuildingId = Brand<string, 'BuildingId'>;
export type FloorId = Brand<string, 'FloorId'>;
export type RoomId = Brand<string, 'RoomId'>;
export type AssetId = Brand<string, 'AssetId'>;
export type DeviceId = Brand<string, 'DeviceId'>;
export type ImportId = Brand<string, 'ImportId'>;
export type ConfirmationId = Brand<string, 'ConfirmationId'>;

/** A MAC address in canonical form: lowercase, colon separated ("00:1b:44:11:3a:b7"). */
export type Mac = Brand<string, 'Mac'>;

const HEX = '0123456789abcdef';

/** Random id with a readable prefix; uses crypto.getRandomValues when present, else Math.random. */
export function newId<T extends string>(prefix: string): Brand<string, T> {
  const bytes = new Uint8Array(12);
  const g = globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } };
  if (g.crypto?.getRandomValues) g.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let s = prefix + '_';
  for (const b of bytes) s += HEX[b >> 4]! + HEX[b & 15]!;
  return s as Brand<string, T>;
}

/** Six bytes → canonical MAC text. */
export function macFromBytes(b: Uint8Array, off = 0): Mac {
  let s = '';
  for (let i = 0; i < 6; i++) {
    const v = b[off + i] ?? 0;
    if (i) s += ':';
    s += HEX[v >> 4]! + HEX[v & 15]!;
  }
  return s as Mac;
}

/**
 * Parse any common MAC spelling (00-1B-44-11-3A-B7, 001b.4411.3ab7, 001B44113AB7, 0:1b:44:…) into the
 * canonical form, or undefined when it is not a MAC.
 */
export function parseMac(text: string): Mac | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  let hex: string;
  if (/^[0-9a-f]{1,2}([:-][0-9a-f]{1,2}){5}$/.test(t)) {
    hex = t.split(/[:-]/).map((p) => p.padStart(2, '0')).join('');
  } else if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/.test(t)) {
    hex = t.replace(/\./g, '');
  } else if (/^[0-9a-f]{12}$/.test(t)) {
    hex = t;
  } else if (/^[0-9a-f]{6}[:-][0-9a-f]{6}$/.test(t)) {
    hex = t.replace(/[:-]/, '');
  } else return undefined;
  return hex.match(/../g)!.join(':') as Mac;
}

/** Group (multicast/broadcast) bit: such a MAC is never a device's own source address. */
export function isGroupMac(mac: Mac): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1;
}

/** Locally administered bit: randomized / private MACs carry no vendor meaning. */
export function isLocallyAdministered(mac: Mac): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 2) === 2;
}
