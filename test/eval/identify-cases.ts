// Labelled identification cases for `npm run eval:identify` and the labelled-set unit test.
//
// 1. IoT Sentinel (Miettinen et al., ICDCS 2017; MIT repo): one setup capture per device, label and
//    MAC from labels.csv. Types are mapped from the dataset's annotation to Wardwalk's taxonomy.
//    Two corrections, both because the labelled MAC is not the labelled device's: the Hue dimmer
//    switch and the D-Link door sensor have no IP of their own (ZigBee / Z-Wave), and the MAC in
//    the dataset's _iotdevice-mac.txt is their hub's (the same MAC as the HueBridge and
//    D-LinkHomeHub captures), so the device on the wire is the hub.
// 2. Device captures in the other fixtures whose identity is known from the capture's own source
//    (tcpdump's and Zeek's test suites, nDPI's): a Cisco Catalyst switch and router, an SNMP printer,
//    two HL7 endpoints that are virtual machines, a BACnet controller.
//
// `carries` says whether the capture carries type-identifying evidence at all, decided by reading
// the capture with tshark before any rule was written (what was there is noted per case): the goal
// (≥ 90 % correct type) is measured over those; the others should come out "unknown".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface IdCase {
  set: 'iot-sentinel' | 'fixtures';
  name: string;
  files: string[];
  mac: string;
  /** Maker as labelled (undefined: not scored). */
  vendor?: string;
  /** Wardwalk type id (undefined: not scored). */
  type?: string;
  carries: boolean;
  note?: string;
}

export const ROOT = join(import.meta.dirname, '..', '..');
const IOT = join(ROOT, 'test', 'fixtures', 'labelled', 'iot-sentinel');

/** IoT Sentinel annotation → Wardwalk type. */
const TYPE_MAP: Record<string, string> = {
  'IP camera': 'camera',
  'smart plug': 'smart-plug',
  'smart scale': 'smart-scale',
  'door sensor': 'sensor',
  'motion sensor': 'sensor',
  'water sensor': 'sensor',
  siren: 'sensor',
  'home-automation hub': 'iot-hub',
  'home-automation gateway': 'iot-hub',
  'lighting bridge': 'iot-hub',
  'lighting gateway': 'iot-hub',
  'lighting switch': 'iot-hub',
  'coffee machine': 'appliance',
  kettle: 'appliance',
};

/** What the capture shows about the device's type (from reading it with tshark). */
const CARRIES: Record<string, [boolean, string]> = {
  Aria: [false, 'DHCP host name GainSpanca9152 (Wi-Fi module), DNS www.fitbit.com'],
  'D-LinkCam': [true, 'SSDP SERVER "DCS-935L/1.0", mDNS "D-Link DCS-935L Configuration Utility"'],
  'D-LinkDayCam': [true, 'DHCP host name DCS-930LB'],
  'D-LinkDoorSensor': [false, "the hub's MAC; only a DNS query to api.dch.dlink.com"],
  'D-LinkHomeHub': [false, 'mDNS _dhnap (D-Link), SSDP "Unspecified": maker only'],
  'D-LinkSensor': [true, 'DHCP host name DCH-S150'],
  'D-LinkSiren': [true, 'DHCP host name DCH-S220'],
  'D-LinkSwitch': [true, 'DHCP host name DSP-W215'],
  'D-LinkWaterSensor': [true, 'DHCP host name DCH-S160'],
  EdimaxCam1: [false, 'udhcp, SSDP "Embedded UPnP/1.0" IGD search, mDNS localcam'],
  EdimaxCam2: [false, 'udhcp, SSDP "Embedded UPnP/1.0" IGD search, mDNS localcam'],
  EdimaxPlug1101W: [false, 'udhcp, DNS www.myedimax.com'],
  EdimaxPlug2101W: [false, 'udhcp, DNS www.myedimax.com'],
  EdnetCam1: [false, 'udhcp only'],
  EdnetCam2: [false, 'udhcp only'],
  EdnetGateway: [false, 'DHCP host name HF-LPB100 (Hi-Flying Wi-Fi module)'],
  HomeMaticPlug: [false, 'TCP to a cloud server only'],
  HueBridge: [true, 'SSDP SERVER "IpBridge/1.9.0", host name Philips-hue'],
  HueSwitch: [true, "the bridge's MAC: SSDP SERVER IpBridge"],
  Lightify: [true, 'DHCP host name Lightify-7B5F6B'],
  MAXGateway: [false, 'DHCP host name KEQ0817541 (a serial number)'],
  SmarterCoffee: [false, 'DHCP host name ESP_07AEFB (Espressif module default)'],
  'TP-LinkPlugHS100': [true, 'DHCP host name HS100(EU)'],
  'TP-LinkPlugHS110': [true, 'DHCP host name HS110(EU)'],
  WeMoInsightSwitch: [true, 'SSDP NT urn:Belkin:device:insight:1'],
  WeMoInsightSwitch2: [true, 'SSDP NT urn:Belkin:device:insight:1'],
  WeMoLink: [true, 'SSDP NT urn:Belkin:device:bridge:1'],
  WeMoSwitch: [true, 'SSDP NT urn:Belkin:device:controllee:1'],
  WeMoSwitch2: [true, 'SSDP NT urn:Belkin:device:controllee:1'],
  Withings: [false, 'HTTP User-Agent "Withings UserAgent": maker only'],
  iKettle2: [false, 'DHCP host name ESP_06D902 (Espressif module default)'],
};

/** The labelled MAC belongs to the hub, not to the labelled device (see the header). */
const HUB_MAC_CORRECTION: Record<string, string> = { HueSwitch: 'iot-hub', 'D-LinkDoorSensor': 'iot-hub' };

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function iotSentinelCases(): IdCase[] {
  const lines = readFileSync(join(IOT, 'labels.csv'), 'utf8').trim().split(/\r?\n/);
  const head = parseCsvLine(lines[0]!);
  const col = (n: string) => head.indexOf(n);
  return lines.slice(1).map((l) => {
    const f = parseCsvLine(l);
    const label = f[col('device_label')]!;
    const annotation = f[col('device_type_annotation')]!;
    const [carries, what] = CARRIES[label] ?? [false, 'not reviewed'];
    const type = HUB_MAC_CORRECTION[label] ?? TYPE_MAP[annotation];
    const c: IdCase = {
      set: 'iot-sentinel',
      name: label,
      files: [join(IOT, f[col('file')]!.replace(/^visible\//, ''))],
      mac: f[col('device_mac')]!,
      vendor: f[col('vendor_annotation')]!,
      carries,
      note: what + (HUB_MAC_CORRECTION[label] ? ` (labelled "${annotation}"; scored as the hub)` : ''),
    };
    if (type) c.type = type;
    return c;
  });
}

const PC = join(ROOT, 'test', 'fixtures', 'pcaps', 'app');

export function fixtureCases(): IdCase[] {
  return [
    { set: 'fixtures', name: 'tcpdump 3560_CDP', files: [join(PC, 'tcpdump', '3560_CDP.pcap')], mac: '00:19:06:ea:b8:85', vendor: 'Cisco', type: 'switch', carries: true, note: 'CDP platform cisco WS-C3560G-24PS' },
    { set: 'fixtures', name: 'zeek cdp-v1', files: [join(PC, 'zeek', 'Traces', 'cdp-v1.pcap')], mac: '00:e0:1e:d5:d5:15', vendor: 'Cisco', type: 'router', carries: true, note: 'CDP platform cisco 1601 (one frame)' },
    { set: 'fixtures', name: 'zeek lldp', files: [join(PC, 'zeek', 'Traces', 'lldp.pcap')], mac: '00:22:2d:81:db:10', vendor: 'SMC Networks', type: 'switch', carries: true, note: 'LLDP SMCGS8P-Smart, capabilities bridge (one frame)' },
    { set: 'fixtures', name: 'zeek snmpv1_get printer', files: [join(PC, 'zeek', 'Traces', 'snmp', 'snmpv1_get.pcap')], mac: '08:00:37:15:e6:bc', type: 'printer', carries: true, note: 'sysObjectID enterprise 2001 (Oki Data), Printer-MIB walk, sysName B6300; maker not scored (Oki PEN, Fuji Xerox OUI)' },
    { set: 'fixtures', name: 'nDPI hl7 sender', files: [join(PC, 'ndpi', 'hl7.pcap')], mac: '00:0c:29:b5:b6:48', type: 'virtual-machine', carries: true, note: 'VMware virtual NIC; HL7 MSH-3 SENDING_APPLICATION' },
    { set: 'fixtures', name: 'nDPI hl7 receiver', files: [join(PC, 'ndpi', 'hl7.pcap')], mac: '08:00:27:1d:a6:c2', type: 'virtual-machine', carries: true, note: 'VirtualBox virtual NIC' },
    { set: 'fixtures', name: 'nDPI bacnet device', files: [join(PC, 'ndpi', 'bacnet.pcap')], mac: '00:1a:2b:3c:4d:5e', type: 'building-controller', carries: true, note: 'BACnet I-Am, vendor 260 (open-source BACnet stack); maker not scored' },
  ];
}

export function allCases(): IdCase[] {
  return [...iotSentinelCases(), ...fixtureCases()];
}

/** Loose maker match: "Belkin" ~ "Belkin WeMo", "eQ-3" ~ "eQ-3 (HomeMatic)", "Philips" ~ "Philips". */
export function vendorMatches(predicted: string, truth: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const p = norm(predicted);
  const t = norm(truth);
  const first = (s: string) => s.split(' ').slice(0, s.startsWith('eq 3') ? 2 : 1).join(' ');
  return p.includes(first(t)) || t.includes(first(p));
}
