// Dispatch tables (tables, not ifs): which application/link decoder looks at which bytes.
// A port is a hint, never proof: decoders return 'skip' when the bytes are not theirs, and TCP
// payloads are also sniffed by their first bytes (HTTP method, TLS record, DICOM PDU, MLLP block),
// so a service on an unusual port is still read.
// These functions run per packet: port lookups are typed-array reads and every list returned is
// built once and cached by its bit set, so nothing is allocated when nothing (or something) matches.
import type { AppDecoder } from './types';
import { bacnetDecoder } from './bacnet';
import { cdpDecoder } from './cdp';
import { dhcpDecoder } from './dhcp';
import { dhcpv6Decoder } from './dhcpv6';
import { dicomDecoder, looksLikeDicomAssociate } from './dicom';
import { dnsDecoder, dnsTcpDecoder, llmnrDecoder, mdnsDecoder } from './dns';
import { hl7Decoder, looksLikeHl7 } from './hl7';
import { httpDecoder, looksLikeHttp } from './http';
import { lldpDecoder } from './lldp';
import { nbnsDecoder } from './nbns';
import { snmpDecoder } from './snmp';
import { ssdpDecoder } from './ssdp';
import { tlsDecoder, looksLikeTls } from './tls';

/** EtherType → decoder for link-level protocols carried directly in Ethernet (LLDP 0x88cc…). */
export const ETHERTYPE_DECODERS: ReadonlyMap<number, AppDecoder> = new Map<number, AppDecoder>([
  [0x88cc, lldpDecoder],
]);

/** LLC/SNAP "oui:pid" (hex, lowercase, e.g. "00000c:2000" for CDP) → decoder. */
export const SNAP_DECODERS: ReadonlyMap<string, AppDecoder> = new Map<string, AppDecoder>([
  ['00000c:2000', cdpDecoder],
]);

interface Row {
  name: string;
  decoder: AppDecoder;
  ports: readonly number[];
}

// Order within a table is the order decoders are tried.
const UDP_TABLE: readonly Row[] = [
  { name: 'dhcp', decoder: dhcpDecoder, ports: [67, 68] },
  { name: 'dhcpv6', decoder: dhcpv6Decoder, ports: [546, 547] },
  { name: 'dns', decoder: dnsDecoder, ports: [53] },
  { name: 'mdns', decoder: mdnsDecoder, ports: [5353] },
  { name: 'llmnr', decoder: llmnrDecoder, ports: [5355] },
  { name: 'nbns', decoder: nbnsDecoder, ports: [137] },
  { name: 'ssdp', decoder: ssdpDecoder, ports: [1900] },
  { name: 'snmp', decoder: snmpDecoder, ports: [161, 162] },
  { name: 'bacnet', decoder: bacnetDecoder, ports: [47808] },
];

const TCP_TLS = 0;
const TCP_HTTP = 1;
const TCP_DICOM = 2;
const TCP_HL7 = 3;
const TCP_TABLE: readonly Row[] = [
  { name: 'tls', decoder: tlsDecoder, ports: [443, 8443, 4443, 5061, 636, 993, 995] },
  { name: 'http', decoder: httpDecoder, ports: [80, 591, 8000, 8008, 8080, 8081, 8088, 8888, 9080] },
  { name: 'dicom', decoder: dicomDecoder, ports: [104, 11112, 4242, 2761, 2762] },
  { name: 'hl7', decoder: hl7Decoder, ports: [2575] },
  { name: 'dns', decoder: dnsTcpDecoder, ports: [53] },
];

/** Decoder → its table name (for per-protocol statistics). */
export const DECODER_NAMES: ReadonlyMap<AppDecoder, string> = new Map<AppDecoder, string>([
  ...[...UDP_TABLE, ...TCP_TABLE].map((r): [AppDecoder, string] => [r.decoder, r.name]),
  [lldpDecoder, 'lldp'],
  [cdpDecoder, 'cdp'],
]);

const EMPTY: readonly AppDecoder[] = Object.freeze([]);

function portMasks(table: readonly Row[]): Uint16Array {
  const m = new Uint16Array(65536);
  table.forEach((r, i) => {
    for (const p of r.ports) m[p]! |= 1 << i;
  });
  return m;
}

function lists(table: readonly Row[]): (mask: number) => readonly AppDecoder[] {
  const cache: (readonly AppDecoder[] | undefined)[] = new Array<readonly AppDecoder[] | undefined>(1 << table.length);
  return (mask) => {
    if (mask === 0) return EMPTY;
    let l = cache[mask];
    if (!l) {
      l = Object.freeze(table.filter((_, i) => (mask & (1 << i)) !== 0).map((r) => r.decoder));
      cache[mask] = l;
    }
    return l;
  };
}

const UDP_PORTS = portMasks(UDP_TABLE);
const TCP_PORTS = portMasks(TCP_TABLE);
const udpList = lists(UDP_TABLE);
const tcpList = lists(TCP_TABLE);

/** Decoders to try for a UDP datagram, most likely first. */
export function udpDecodersFor(srcPort: number, dstPort: number): readonly AppDecoder[] {
  return udpList((UDP_PORTS[dstPort & 0xffff] ?? 0) | (UDP_PORTS[srcPort & 0xffff] ?? 0));
}

/** Bits of the TCP table whose decoder recognises the payload's first bytes. */
function sniffTcp(p: Uint8Array): number {
  const c = p[0];
  if (c === undefined) return 0;
  if (c === 0x16 || (c >= 0x14 && c <= 0x17)) return c === 0x16 && looksLikeTls(p) ? 1 << TCP_TLS : 0;
  if (c === 0x01 || c === 0x02) return looksLikeDicomAssociate(p) ? 1 << TCP_DICOM : 0;
  if (c === 0x0b) return looksLikeHl7(p) ? 1 << TCP_HL7 : 0;
  if (c >= 0x41 && c <= 0x5a) {
    let m = 0;
    if (c === 0x4d && looksLikeHl7(p)) m |= 1 << TCP_HL7;
    if (looksLikeHttp(p)) m |= 1 << TCP_HTTP;
    return m;
  }
  return 0;
}

/** Decoders to try for a TCP segment with payload (port hints + content sniffing), most likely first. */
export function tcpDecodersFor(srcPort: number, dstPort: number, payload: Uint8Array): readonly AppDecoder[] {
  if (payload.length === 0) return EMPTY;
  return tcpList((TCP_PORTS[dstPort & 0xffff] ?? 0) | (TCP_PORTS[srcPort & 0xffff] ?? 0) | sniffTcp(payload));
}
