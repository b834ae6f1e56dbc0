// An observation is one identity fact a packet (or a log line, a probe answer, a person) told us about
// one device. It never carries payload: only short, bounded identity strings.
import type { Mac } from './ids';

/** Where a fact came from. Zeek sensors are named ("zeek:ward-3"). */
export type EvidenceSource = 'pcap' | 'live' | 'probe' | 'inventory' | 'person' | `zeek:${string}`;

/** The kinds of identity fact we keep. Add kinds here (never remove: stored data uses them). */
export const OBSERVATION_KINDS = [
  'ip', // value: an IPv4/IPv6 address bound to the MAC
  'hostname', // DHCP option 12, NBNS, mDNS A/AAAA owner, LLMNR, DNS PTR of its own name
  'fqdn', // DHCP option 81, DHCPv6 client FQDN
  'dhcp-vendor-class', // DHCP option 60
  'dhcp-prl', // DHCP option 55 as comma-separated decimal codes ("1,3,6,15")
  'dhcp-client-id', // DHCP option 61, hex
  'dhcp-requested-ip', // DHCP option 50
  'dhcp-max-size', // DHCP option 57
  'dhcpv6-duid', // hex
  'dhcpv6-vendor-class', // "enterprise:text"
  'mdns-service', // "_ipp._tcp"
  'mdns-instance', // "HP LaserJet 400._ipp._tcp.local"
  'mdns-txt', // "key=value"
  'ssdp-server', // SERVER header
  'ssdp-location',
  'ssdp-usn',
  'ssdp-nt',
  'lldp-chassis-id',
  'lldp-port-id',
  'lldp-port-desc',
  'lldp-system-name',
  'lldp-system-desc',
  'lldp-mgmt-addr',
  'lldp-capabilities',
  'cdp-device-id',
  'cdp-platform',
  'cdp-software',
  'cdp-port-id',
  'cdp-mgmt-addr',
  'switch-port', // "switch-name|port" the capture point is connected to (from LLDP/CDP)
  'snmp-sys-descr',
  'snmp-sys-object-id',
  'snmp-sys-name',
  'snmp-sys-location',
  'snmp-sys-contact',
  'snmp-community', // community string seen in cleartext SNMPv1/v2c (risk signal)
  'snmp-version',
  'http-user-agent',
  'http-server',
  'http-host',
  'tls-sni',
  'tls-cert-subject',
  'tls-cert-issuer',
  'dicom-calling-ae',
  'dicom-called-ae',
  'dicom-impl-class-uid',
  'dicom-impl-version',
  'hl7-sending-app',
  'hl7-sending-facility',
  'hl7-receiving-app',
  'hl7-receiving-facility',
  'hl7-message-type',
  'hl7-version',
  'bacnet-vendor-id',
  'bacnet-device-instance',
  'modbus-unit',
  'nbns-name',
  'llmnr-name',
  'dns-query', // names this device asked for (bounded)
  'service', // a server port it answered on, "tcp/104", "udp/161"
  'os', // stated by a source (Zeek software.log, probe)
  'software', // stated product/version
  'protocol', // a protocol seen spoken by the device ("telnet", "ftp", "smbv1", "http-login")
  'peer-external', // talked to a public address (value: the address)
  'vlan', // 802.1Q id seen on its frames
  'dhcpv6-duid-mac', // link-layer address inside a DHCPv6 DUID-LLT/DUID-LL
  'cdp-capabilities', // CDP capability names ("router,switch")
  'site', // the Wardwalk site a sensor or subnet maps to (Zeek sensors)
] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

export interface Observation {
  /** The device's MAC, when the fact is tied to a MAC. */
  mac?: Mac;
  /** The device's IP, when the fact is tied to an address (devices seen only by IP). */
  ip?: string;
  kind: ObservationKind;
  /** Short identity text, at most MAX_VALUE characters; never payload. */
  value: string;
  /** The decoder or log that produced it: "dhcp", "lldp", "zeek-dhcp", "probe-snmp"… */
  proto: string;
  source: EvidenceSource;
  /** Milliseconds since the epoch (capture time, not wall time). */
  ts: number;
}

export const MAX_VALUE = 256;

/** Clamp attacker-controlled text to something safe to keep: printable, bounded. */
export function cleanText(s: string, max = MAX_VALUE): string {
  // eslint-disable-next-line no-control-regex
  let t = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (t.length > max) t = t.slice(0, max);
  return t;
}
