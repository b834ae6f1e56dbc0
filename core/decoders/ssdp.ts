// SSDP (UPnP Device Architecture 2.0 §1; HTTP over UDP, port 1900). NOTIFY announcements and
// M-SEARCH responses describe the sender: SERVER ("OS/version UPnP/1.0 product/version"), LOCATION
// (its description URL), USN (uuid::device type) and NT/ST (the device or service type). An
// M-SEARCH only tells what the sender looks for; its USER-AGENT is kept as the sender's agent.
// The header scan is bounded in lines and bytes; no body is read.
import type { ObservationKind } from '../model/observation';
import type { AppDecoder, DecodeStatus } from './types';
import { put, srcOf, latin1, startsWith, startsWithCi } from './wire';

const MAX_SCAN = 2048;
const MAX_LINES = 40;
const PROTO = 'ssdp';

const HEADER_KIND: ReadonlyMap<string, ObservationKind> = new Map<string, ObservationKind>([
  ['server', 'ssdp-server'],
  ['location', 'ssdp-location'],
  ['usn', 'ssdp-usn'],
  ['nt', 'ssdp-nt'],
  ['st', 'ssdp-nt'],
]);

export interface HeaderLine {
  name: string;
  value: string;
}

/**
 * Split an HTTP-style header block starting at `start` into lowercase names and values, stopping at
 * the empty line, after maxLines lines, or at maxBytes. Shared by ssdp.ts and http.ts.
 */
export function scanHeaders(b: Uint8Array, start: number, maxBytes: number, maxLines: number): HeaderLine[] {
  const end = Math.min(b.length, maxBytes);
  const out: HeaderLine[] = [];
  let p = start;
  while (p < end && out.length < maxLines) {
    let e = p;
    while (e < end && b[e] !== 0x0a) e++;
    let le = e;
    if (le > p && b[le - 1] === 0x0d) le--;
    if (le === p) break; // empty line: end of headers
    let colon = p;
    while (colon < le && b[colon] !== 0x3a) colon++;
    if (colon < le && colon > p) {
      const name = latin1(b, p, colon, 64).trim().toLowerCase();
      const value = latin1(b, colon + 1, le, 512).trim();
      out.push({ name, value });
    }
    if (e >= end) break;
    p = e + 1;
  }
  return out;
}

/** Index just after the first line, or -1 when no line end is found within max bytes. */
export function afterFirstLine(b: Uint8Array, max: number): number {
  const end = Math.min(b.length, max);
  for (let i = 0; i < end; i++) if (b[i] === 0x0a) return i + 1;
  return -1;
}

export const ssdpDecoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  const notify = startsWith(b, 0, 'NOTIFY * HTTP/1.');
  const search = !notify && startsWith(b, 0, 'M-SEARCH * HTTP/1.');
  const reply = !notify && !search && startsWithCi(b, 0, 'http/1.');
  if (!notify && !search && !reply) return 'skip';
  const h0 = afterFirstLine(b, 256);
  if (h0 < 0) return 'violation';
  const me = srcOf(ctx);
  for (const h of scanHeaders(b, h0, MAX_SCAN, MAX_LINES)) {
    if (search) {
      if (h.name === 'user-agent') put(emit, ctx, me, 'http-user-agent', h.value, PROTO);
      continue;
    }
    const kind = HEADER_KIND.get(h.name);
    if (kind) put(emit, ctx, me, kind, h.value, PROTO);
  }
  return 'ok';
};
