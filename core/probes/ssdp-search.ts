// SSDP M-SEARCH (UPnP Device Architecture 2.0 §1.3.2), sent by unicast to the device's port 1900, and
// the HTTPU response's headers. Header values come off the wire: cleaned and bounded by the caller.

export function encodeMSearch(host: string, userAgent: string): Uint8Array {
  // Unicast M-SEARCH: HOST names the device, no MX (§1.3.2); ST ssdp:all asks for every service.
  const text = `M-SEARCH * HTTP/1.1\r\nHOST: ${host}:1900\r\nMAN: "ssdp:discover"\r\nST: ssdp:all\r\nUSER-AGENT: ${userAgent}\r\n\r\n`;
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
}

/** Status and headers (lower-cased names) of an HTTPU response; undefined when it is not one. */
export function decodeSearchResponse(b: Uint8Array): { status: number; headers: Record<string, string> } | undefined {
  let text = '';
  for (let i = 0; i < Math.min(b.length, 4096); i++) text += String.fromCharCode(b[i]!);
  const lines = text.split(/\r?\n/);
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (!m) return undefined;
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const l of lines.slice(1, 64)) {
    const i = l.indexOf(':');
    if (i <= 0) continue;
    const k = l.slice(0, i).trim().toLowerCase();
    if (!/^[a-z0-9.-]{1,40}$/.test(k)) continue;
    headers[k] = l.slice(i + 1).trim();
  }
  return { status: Number(m[1]), headers };
}
