// The frame-source interface shared by file readers (pcap, pcapng) and live capture.

/** One captured frame. `data` is a view into the reader's buffer: valid only during the callback. */
export interface Frame {
  /** Capture time, milliseconds since the epoch (fractional). */
  ts: number;
  /** LINKTYPE_* of the interface it was captured on. */
  linkType: number;
  /** Captured bytes (possibly fewer than origLen when a snap length cut it). */
  data: Uint8Array;
  /** Length of the packet on the wire. */
  origLen: number;
  /** Interface index (0 for pcap). */
  iface: number;
}

export type FrameSink = (frame: Frame) => void;

/** LINKTYPE_* values (https://www.tcpdump.org/linktypes.html) the packet decoder understands. */
export const LINKTYPE = {
  ETHERNET: 1,
  RAW_BSD12: 12, // DLT_RAW on OpenBSD/Linux historical numbering
  RAW_BSD14: 14,
  RAW: 101,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export const SUPPORTED_LINKTYPES: ReadonlySet<number> = new Set(Object.values(LINKTYPE));

/** Names of link types people meet in captures we cannot read (tcpdump.org/linktypes.html). */
const LINKTYPE_NAMES: Record<number, string> = {
  0: 'BSD loopback',
  9: 'PPP',
  50: 'PPP over HDLC',
  104: 'Cisco HDLC',
  105: 'IEEE 802.11',
  127: 'IEEE 802.11 radiotap',
  108: 'OpenBSD loopback',
  160: 'USER13',
  192: 'PPI',
  195: 'IEEE 802.15.4',
  220: 'USB Linux mmapped',
  239: 'Netlink',
};

/** One warning per unsupported link type seen ("160": 3 frames), naming it and what is supported. */
export function unsupportedLinkTypeWarnings(counts: Readonly<Record<string, number>>): string[] {
  const out: string[] = [];
  for (const [lt, n] of Object.entries(counts)) {
    if (SUPPORTED_LINKTYPES.has(Number(lt))) continue;
    const name = LINKTYPE_NAMES[Number(lt)] ?? 'see tcpdump.org/linktypes.html';
    out.push(`unsupported link type ${lt} (${name}): ${n} frames skipped; supported are Ethernet, Linux cooked (SLL, SLL2) and raw IPv4/IPv6`);
  }
  return out;
}

export interface CaptureReadStats {
  format: 'pcap' | 'pcapng' | 'unknown';
  frames: number;
  /** Bytes consumed by complete records. */
  bytes: number;
  /** Interfaces declared (pcapng IDBs across sections; 1 for pcap). */
  interfaces: number;
  /** The file ended inside a record or was cut short: what came before was still used. */
  truncated: boolean;
  /** Reading stopped at a structural error (what came before was still used). */
  error?: string;
  warnings: string[];
}

/** Largest record we accept; a bigger length means a corrupt header (keeps memory bounded). */
export const MAX_RECORD = 16 * 1024 * 1024;
