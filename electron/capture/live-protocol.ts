// Messages between the main side and the live-capture process, the default filter, and the
// missing-privilege hints. No Node or cap import: both sides load it.
import type { Device } from '../../core/model/device';

export interface LiveInterface {
  name: string;
  description?: string;
  addresses: string[];
  loopback: boolean;
}

export interface LiveStats {
  packets: number;
  bytes: number;
  dropped: number;
  malformed: number;
  devices: number;
}

export type ToChild = { type: 'list' } | { type: 'start'; iface: string; filter?: string; batchMs?: number } | { type: 'stop' };

export type ToParent =
  | { type: 'interfaces'; interfaces: LiveInterface[] }
  | { type: 'started'; linkType: string; filter: string }
  | { type: 'batch'; devices: Device[]; stats: LiveStats }
  | { type: 'stopped'; reason: 'requested' | 'error'; message?: string; hint?: string; stats: LiveStats };

/**
 * The default BPF filter: the traffic in which devices state who they are, and little else, so a
 * busy SPAN port does not cost a CPU core.
 * - `not ip and not ip6`: ARP, LLDP, CDP/SNAP, and other link-level protocols (all small, rare);
 * - broadcast and multicast IP: DHCP, mDNS, SSDP, LLMNR, NBNS, BACnet broadcasts, NDP;
 * - UDP ports of identity protocols, unicast too: DHCP 67/68, NBNS/NetBIOS 137/138, SSDP 1900,
 *   mDNS 5353, LLMNR 5355, SNMP 161/162, BACnet 47808, DNS 53, DHCPv6 546/547;
 * - TCP connection starts (SYN / SYN-ACK) on any port (who serves what), and the first segments on
 *   HTTP 80/8080, TLS 443, DICOM 104/11112 and HL7 2575 (small: PSH segments of the handshake
 *   phase; bulk data still passes the port test, which is why the snap length below stays small).
 */
export const DEFAULT_FILTER = [
  '(not ip and not ip6)',
  'or broadcast or multicast',
  'or (udp and (port 53 or port 67 or port 68 or port 137 or port 138 or port 161 or port 162 or port 546 or port 547 or port 1900 or port 5353 or port 5355 or port 47808))',
  'or (tcp and (tcp[tcpflags] & tcp-syn != 0))',
  'or (tcp and (port 80 or port 8080 or port 443 or port 104 or port 11112 or port 2575) and (tcp[tcpflags] & tcp-push != 0))',
].join(' ');

/** cap's link-type names (from pcap_datalink_val_to_name) → LINKTYPE_* numbers. */
export const LINKTYPE_BY_NAME: Record<string, number> = {
  ETHERNET: 1,
  LINUX_SLL: 113,
  LINUX_SLL2: 276,
  RAW: 101,
  IPV4: 228,
  IPV6: 229,
  NULL: 0,
  IEEE802_11: 105,
  IEEE802_11_RADIO: 127,
};

/** What to tell the user when a capture cannot open, per operating system. */
export function captureErrorHint(message: string, platform: string): string | undefined {
  const denied = /operation not permitted|permission denied|not permitted|access is denied|you don't have permission|EPERM|EACCES/i.test(message);
  const noDriver = /wpcap|npcap|packet\.dll|no such device|cannot find|not found/i.test(message);
  if (platform === 'win32' && (denied || noDriver || /pcap/i.test(message))) {
    return 'Install Npcap (https://npcap.com) with "WinPcap API-compatible mode"; if you chose "Restrict Npcap driver access to Administrators", run Wardwalk as administrator.';
  }
  if (!denied) return undefined;
  if (platform === 'darwin') {
    return 'macOS needs read access to /dev/bpf*: install Wireshark\'s "ChmodBPF" package (it adds you to the access_bpf group), then log out and in again; or run Wardwalk with sudo.';
  }
  return 'Linux needs the raw-capture capabilities: run `sudo setcap cap_net_raw,cap_net_admin=eip <path to the Wardwalk or node binary>` once (file capabilities are lost when the binary is updated), or run as root.';
}
