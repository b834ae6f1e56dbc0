// Vendor from a MAC address: longest-prefix lookup over the IEEE registries. MA-L assigns 24-bit
// prefixes (6 hex digits), MA-M 28-bit (7) and MA-S 36-bit (9); MA-M and MA-S blocks are carved out of
// MA-L prefixes registered to "IEEE Registration Authority", so the longest match wins (IEEE RA,
// https://standards.ieee.org/products-programs/regauth/). core/ reads no files: the Node edge
// (electron/services/oui-table.ts) loads the registry data and hands its entries to createOuiLookup.
//
// Two cautions the identification must keep:
// - a locally administered MAC (the U/L bit, IEEE 802-2014 §8.2.2) is randomized or assigned by
//   software and carries no vendor meaning;
// - the registered vendor is often the maker of the network chip or radio module, not of the device
//   (an Espressif OUI on a kettle, a Murata or Silex OUI on an infusion pump). See rules/nic-makers.ts.
import { isGroupMac, isLocallyAdministered, type Mac } from '../model/ids';

export interface MacVendor {
  /** Registered organisation name (first line of the registry entry). */
  name?: string;
  /** The matched prefix in hex, uppercase ("0017888", "001788"). */
  prefix?: string;
  /** Which registry matched. */
  registry?: 'MA-L' | 'MA-M' | 'MA-S';
  /** Locally administered (randomized / private) address: no vendor meaning. */
  randomized?: boolean;
  /** Why there is no vendor, or a caution about the one there is. */
  note?: string;
}

export interface OuiLookup {
  lookup(mac: Mac): MacVendor;
  readonly size: number;
}

const REGISTRY_BY_LEN: Record<number, MacVendor['registry']> = { 6: 'MA-L', 7: 'MA-M', 9: 'MA-S' };

/** Registry entries that name no organisation a user could act on. */
const NO_MEANING = /^(private|ieee registration authority)$/i;

/**
 * Build a lookup from [hex prefix, vendor text] pairs. Prefixes of 6, 7 or 9 hex digits (any case,
 * separators ignored); the vendor text may carry address lines: only the first line is kept.
 */
export function createOuiLookup(entries: Iterable<readonly [string, string]>): OuiLookup {
  const table = new Map<string, string>();
  for (const [rawPrefix, rawVendor] of entries) {
    const prefix = rawPrefix.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
    if (!(prefix.length in REGISTRY_BY_LEN)) continue;
    const name = firstLine(rawVendor);
    if (!name) continue;
    table.set(prefix, name);
  }
  return {
    size: table.size,
    lookup(mac: Mac): MacVendor {
      if (isGroupMac(mac)) return { note: 'group (multicast/broadcast) address: not a device' };
      if (isLocallyAdministered(mac)) {
        return { randomized: true, note: 'locally administered (randomized or private) MAC: no vendor meaning' };
      }
      const hex = mac.replace(/:/g, '').toUpperCase();
      for (const len of [9, 7, 6]) {
        const p = hex.slice(0, len);
        const name = table.get(p);
        if (name === undefined) continue;
        if (NO_MEANING.test(name)) {
          // An MA-L block of the IEEE RA with no MA-M/MA-S match, or a privately registered prefix.
          return { prefix: p, registry: REGISTRY_BY_LEN[len], note: `registry entry "${name}": no vendor named` };
        }
        return { name, prefix: p, registry: REGISTRY_BY_LEN[len] };
      }
      return { note: 'prefix not in the IEEE registries' };
    },
  };
}

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return (nl >= 0 ? s.slice(0, nl) : s).trim();
}
