// The only queries Wardwalk will ever send, what each costs on the wire, and the ports nothing is ever
// sent to. Sources: runZero's published probe rates (1,000 pkt/s overall, 40/s per host; OT mode 300
// and 20), vendors' "read-only queries in the device's own protocol" practice (Claroty, Nozomi,
// Tenable OT), and RFC 6762 §5.2 (≥ 1 s between queries). See /docs in the issue for the reasoning.

/** Every query kind a plan may hold. Nothing else exists: no sweep, no login, no write. */
export const QUERY_KINDS = [
  'arp', // ARP who-has on the local subnet (RFC 826)
  'mdns', // DNS-SD PTR query for _services._dns-sd._udp.local (RFC 6763 §9), unicast to the device
  'ssdp', // SSDP M-SEARCH ssdp:all (UPnP Device Architecture 2.0 §1.3.2), unicast to the device
  'nbns-status', // NetBIOS node status request, NBSTAT (RFC 1002 §4.2.17)
  'snmp-get-system', // SNMPv2c GetRequest of the five system-group scalars (RFC 3418), never SET
  'http-get-root', // HTTP(S) GET / (RFC 9110); for HTTPS the server certificate is read
  'dicom-echo', // A-ASSOCIATE-RQ → C-ECHO-RQ → A-RELEASE-RQ (DICOM PS3.8 §9.3, PS3.7 §9.3.5)
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export type Transport = 'arp' | 'udp' | 'tcp';

export interface KindSpec {
  transport: Transport;
  /** Ports this kind may be sent to. A plan entry on any other port is refused. */
  ports: readonly number[];
  /** Ports used when the device shows no evidence of its own (empty: needs evidence or a choice). */
  defaultPorts: readonly number[];
  /**
   * Packets WE send for one attempt, an upper bound counted against the global rate cap and the run's
   * budget before the attempt starts. UDP kinds count the datagram plus the ARP request the kernel may
   * send first to learn the device's MAC; TCP kinds count that ARP, the handshake, our data segments,
   * our ACKs of the answer and the close (checked on real captures in electron/probes/probes.netns.test.ts).
   */
  packets: number;
  /** Why a person might allow it (shown in the plan). */
  why: string;
  /** What goes out, in words (shown in the plan and written to the audit log). */
  sends: string;
}

export const KIND_SPECS: Readonly<Record<QueryKind, KindSpec>> = {
  arp: {
    transport: 'arp',
    ports: [0],
    defaultPorts: [0],
    packets: 1,
    why: 'confirm the device is on this subnet and learn its MAC (a quiet device may never speak)',
    sends: 'one ARP who-has request',
  },
  mdns: {
    transport: 'udp',
    ports: [5353],
    defaultPorts: [5353],
    packets: 2,
    why: 'list the DNS-SD services it advertises (service types often name the product)',
    sends: 'one DNS-SD PTR query for _services._dns-sd._udp.local',
  },
  ssdp: {
    transport: 'udp',
    ports: [1900],
    defaultPorts: [1900],
    packets: 2,
    why: 'read its UPnP SERVER header (OS and product) and description URL',
    sends: 'one SSDP M-SEARCH (ssdp:all)',
  },
  'nbns-status': {
    transport: 'udp',
    ports: [137],
    defaultPorts: [137],
    packets: 2,
    why: 'read its NetBIOS names (Windows-based devices: workstation and domain names)',
    sends: 'one NetBIOS node status request (NBSTAT *)',
  },
  'snmp-get-system': {
    transport: 'udp',
    ports: [161],
    defaultPorts: [161],
    packets: 2,
    why: 'sysDescr names model and firmware; sysLocation may name a room',
    sends: 'one SNMPv2c GetRequest of sysDescr, sysObjectID, sysName, sysLocation, sysContact (read only)',
  },
  'http-get-root': {
    transport: 'tcp',
    ports: [80, 443, 8080, 8443],
    defaultPorts: [80, 443],
    packets: 20,
    why: 'its web server banner and TLS certificate often name maker and model',
    sends: 'one TCP connection with one GET / (HTTPS: TLS handshake, certificate read) then close',
  },
  'dicom-echo': {
    transport: 'tcp',
    ports: [104, 11112, 4242],
    defaultPorts: [],
    packets: 16,
    why: 'its AE title and implementation class UID name the maker and software',
    sends: 'one DICOM association (Verification SOP class), one C-ECHO, then release',
  },
};

/** SNMPv3 costs one more datagram than v2c: the engine discovery request (RFC 3414 §4). */
export const SNMP_V3_EXTRA_PACKETS = 1;

/** Ports no plan may ever address, whatever the kind (belt and braces over KIND_SPECS.ports). */
export const DENIED_PORTS: ReadonlyArray<{ from: number; to: number; why: string }> = [
  { from: 9100, to: 9103, why: 'raw printing (JetDirect): anything sent is printed' },
  { from: 515, to: 515, why: 'LPD printing' },
  { from: 631, to: 631, why: 'IPP / raw printer queue' },
  { from: 2575, to: 2575, why: 'HL7 MLLP: bytes are taken as clinical messages' },
  { from: 2217, to: 2217, why: 'serial over IP (RFC 2217)' },
  { from: 950, to: 950, why: 'serial device server configuration (Moxa)' },
  { from: 966, to: 966, why: 'serial device server command port (Moxa)' },
  { from: 4001, to: 4016, why: 'serial over IP (Moxa NPort data ports)' },
  { from: 10001, to: 10002, why: 'serial over IP (Lantronix)' },
  { from: 771, to: 771, why: 'serial over IP (Digi RealPort)' },
  { from: 23, to: 23, why: 'telnet: logins are never attempted' },
  { from: 502, to: 502, why: 'Modbus: a control protocol, never probed' },
];

/** Why a port is denied, or undefined when it is not on the deny list. */
export function deniedPort(port: number): string | undefined {
  for (const d of DENIED_PORTS) if (port >= d.from && port <= d.to) return d.why;
  return undefined;
}

export function isQueryKind(s: unknown): s is QueryKind {
  return typeof s === 'string' && (QUERY_KINDS as readonly string[]).includes(s);
}

/** Default and ceiling rates (packets per second, all devices together). */
export const DEFAULT_RATE_PPS = 50;
export const MAX_RATE_PPS = 200;
/** Smallest gap between two queries to one device (ms); settings may raise it, never lower it. */
export const MIN_DEVICE_GAP_MS = 1000;
export const DEFAULT_BUDGET_PACKETS = 2000;
export const MAX_BUDGET_PACKETS = 100_000;
export const DEFAULT_TIMEOUT_MS = 3000;
export const MAX_TIMEOUT_MS = 15_000;
export const MIN_TIMEOUT_MS = 200;
export const MAX_RETRIES = 2;
export const RETRY_BACKOFF_MS = 2000;
