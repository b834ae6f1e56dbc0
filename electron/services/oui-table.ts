// The Node edge of the MAC-vendor lookup: loads the IEEE registries (MA-L, MA-M, MA-S) from the
// `oui-data` package (BSD-2-Clause; its index.json maps 6/7/9-hex-digit prefixes to the registered
// organisation's name and address lines, rebuilt from the IEEE RA's public CSVs) and hands core's
// matcher the name only (first line). Loaded once, lazily, and kept (about 54k entries).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createOuiLookup, type OuiLookup } from '../../core/fingerprint/oui';

let cached: OuiLookup | undefined;

/** Path of oui-data's index.json (its package exports the JSON itself, so resolve the main entry). */
export function ouiDataPath(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('oui-data');
}

/**
 * Parse oui-data's JSON text into [prefix, first line of vendor] pairs; ignores anything malformed.
 * A scan instead of JSON.parse: the full object (54k entries with postal addresses) would cost tens
 * of MB of heap for the few hundred KB of names we keep.
 */
export function parseOuiData(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const re = /"([0-9A-Fa-f]{6}(?:[0-9A-Fa-f]|[0-9A-Fa-f]{3})?)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[2]!;
    const nl = raw.indexOf('\\n');
    const first = nl >= 0 ? raw.slice(0, nl) : raw;
    let name: string;
    try {
      name = first.includes('\\') ? (JSON.parse(`"${first}"`) as string) : first;
    } catch {
      continue;
    }
    out.push([m[1]!, name.trim()]);
  }
  return out;
}

/** The process-wide lookup (first call reads ~5.6 MB of JSON, ~100 ms). */
export function loadOuiLookup(): OuiLookup {
  if (!cached) cached = createOuiLookup(parseOuiData(readFileSync(ouiDataPath(), 'utf8')));
  return cached;
}
