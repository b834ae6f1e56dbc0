// HTTP/1.x (RFC 9112), first segment of a request or response only. A request names its client by
// the User-Agent and the name it asked for (Host, kept as a name this device talked to, like a DNS
// query or TLS SNI); a response names its server by the Server header. The header scan is bounded
// (lines and bytes) and the body is never looked at.
import type { AppDecoder, DecodeStatus } from './types';
import { put, srcOf, startsWith } from './wire';
import { scanHeaders, afterFirstLine } from './ssdp';

const METHODS = [
  'GET ', 'POST ', 'HEAD ', 'PUT ', 'DELETE ', 'OPTIONS ', 'PATCH ', 'CONNECT ', 'TRACE ',
  'PROPFIND ', 'PROPPATCH ', 'MKCOL ', 'COPY ', 'MOVE ', 'LOCK ', 'UNLOCK ', 'SUBSCRIBE ', 'NOTIFY ',
  'REPORT ', 'SEARCH ',
];
const MAX_SCAN = 4096;
const MAX_LINES = 64;
const PROTO = 'http';

/** True when the bytes start like an HTTP request ("GET /…") or response ("HTTP/1.1 200"). */
export function looksLikeHttp(b: Uint8Array): boolean {
  if (b.length < 8) return false;
  const c = b[0]!;
  if (c === 0x48 && startsWith(b, 0, 'HTTP/1.')) return true;
  if (c < 0x41 || c > 0x5a) return false;
  for (const m of METHODS) if (m.charCodeAt(0) === c && startsWith(b, 0, m)) return true;
  return false;
}

export const httpDecoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  if (!looksLikeHttp(b)) return 'skip';
  const response = startsWith(b, 0, 'HTTP/1.');
  const h0 = afterFirstLine(b, 8192);
  if (h0 < 0) return 'ok'; // a request line longer than a segment: nothing identifying to read
  if (!response) {
    // request line must end in " HTTP/1.x"
    let le = h0 - 1;
    if (le > 0 && b[le - 1] === 0x0d) le--;
    if (le < 9 || !startsWith(b, le - 8, 'HTTP/1.') || b[le - 9] !== 0x20) return 'violation';
  }
  const me = srcOf(ctx);
  for (const h of scanHeaders(b, h0, MAX_SCAN, MAX_LINES)) {
    if (response) {
      if (h.name === 'server') put(emit, ctx, me, 'http-server', h.value, PROTO);
    } else if (h.name === 'user-agent') {
      put(emit, ctx, me, 'http-user-agent', h.value, PROTO);
    } else if (h.name === 'host') {
      put(emit, ctx, me, 'http-host', h.value, PROTO);
    }
  }
  return 'ok';
};
