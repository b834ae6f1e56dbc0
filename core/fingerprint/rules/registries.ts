// Numbered registries: IANA Private Enterprise Numbers (the enterprise arc 1.3.6.1.4.1.<PEN> of an
// SNMP sysObjectID names the agent's vendor, RFC 3418), ASHRAE BACnet vendor identifiers (I-Am), and
// DICOM implementation class UID roots (PS3.5 §9: <org root>.<suffix>).
import type { Claim, NumberRule, RootRule } from './types';

const maker = (v: string, s = 0.85): Claim => ({ attribute: 'maker', value: v, strength: s });
const type = (v: string, s: number): Claim => ({ attribute: 'type', value: v, strength: s });
const os = (v: string, s: number): Claim => ({ attribute: 'os', value: v, strength: s });

function pen(number: number, name: string, extra: Claim[] = [], makerStrength = 0.85): NumberRule {
  return {
    id: `pen.${number}`,
    family: 'snmp',
    number,
    label: `SNMP sysObjectID under enterprise ${number} (${name})`,
    claims: makerStrength > 0 ? [maker(name, makerStrength), ...extra] : extra,
    source: 'iana-pen',
  };
}

/** IANA PEN → maker (+ type for single-line makers). Names as registered, canonicalised. */
export const PEN_RULES: readonly NumberRule[] = [
  pen(9, 'Cisco', [type('network-device', 0.5)]),
  pen(11, 'HP'),
  pen(2636, 'Juniper', [type('network-device', 0.7)]),
  pen(25506, 'H3C', [type('network-device', 0.7)]),
  pen(14179, 'Cisco', [type('wireless-controller', 0.75)]), // Airespace, Inc (Cisco WLCs)
  pen(14823, 'Aruba (HPE)', [type('network-device', 0.7)]),
  pen(30065, 'Arista', [type('switch', 0.7)]),
  pen(41112, 'Ubiquiti', [type('network-device', 0.6)]),
  pen(12356, 'Fortinet', [type('firewall', 0.7)]),
  pen(1916, 'Extreme Networks', [type('network-device', 0.7)]),
  pen(6486, 'Alcatel-Lucent Enterprise', [type('network-device', 0.6)]),
  pen(171, 'D-Link'),
  pen(4526, 'Netgear', [type('network-device', 0.6)]),
  pen(890, 'ZyXEL', [type('network-device', 0.6)]),
  pen(207, 'Allied Telesis', [type('network-device', 0.7)]),
  pen(318, 'APC (Schneider Electric)', [type('ups', 0.6)]),
  pen(534, 'Eaton', [type('ups', 0.55)]),
  pen(476, 'Vertiv', [type('ups', 0.5)]),
  pen(935, 'Phoenixtec Power', [type('ups', 0.6)]),
  pen(3808, 'CyberPower', [type('ups', 0.65)]),
  pen(253, 'Xerox', [type('printer', 0.7)]),
  pen(297, 'Fujifilm Business Innovation (Fuji Xerox)', [type('printer', 0.7)]),
  pen(641, 'Lexmark', [type('printer', 0.75)]),
  pen(367, 'Ricoh', [type('printer', 0.7)]),
  pen(1602, 'Canon', [type('printer', 0.6)]),
  pen(2435, 'Brother', [type('printer', 0.75)]),
  pen(1248, 'Epson', [type('printer', 0.65)]),
  pen(2001, 'Oki', [type('printer', 0.75)]),
  pen(2699, 'Printer Working Group', [type('printer', 0.75)], 0),
  pen(311, 'Microsoft', [os('Windows', 0.7)]),
  pen(8072, 'net-snmp', [os('Linux', 0.4)], 0),
  pen(6876, 'VMware', [type('server', 0.5)]),
  pen(674, 'Dell'),
  pen(2, 'IBM'),
  pen(13576, 'WAGO', [type('plc', 0.7)]),
  // medical registrants
  pen(3592, 'Dräger', [type('medical-device', 0.7)]),
  pen(10096, 'Baxter', [type('medical-device', 0.7)]),
  pen(22447, 'B. Braun', [type('medical-device', 0.7)]),
  pen(23670, 'Nihon Kohden', [type('medical-device', 0.7)]),
  pen(23957, 'Spacelabs', [type('medical-device', 0.7)]),
  pen(52588, 'Spacelabs', [type('medical-device', 0.7)]),
  pen(54260, 'Mindray', [type('medical-device', 0.7)]),
  pen(15076, 'Fresenius', [type('medical-device', 0.7)]),
  pen(37718, 'Fresenius', [type('infusion-pump', 0.55)]),
  pen(12621, 'GE Healthcare', [type('medical-device', 0.7)]),
  pen(59615, 'GE Healthcare', [type('medical-device', 0.7)]),
  pen(32985, 'Philips', [type('medical-device', 0.7)]),
  pen(55350, 'Siemens Healthineers', [type('medical-device', 0.7)]),
  pen(28708, 'Fujifilm'),
  pen(29659, 'Carestream', [type('medical-device', 0.6)]),
  pen(3775, 'Agfa'),
  pen(5264, 'Varian', [type('radiotherapy', 0.5)]),
  pen(17694, 'Elekta', [type('radiotherapy', 0.5)]),
  pen(60072, 'Hologic', [type('medical-device', 0.6)]),
  pen(46931, 'Welch Allyn (Hillrom/Baxter)', [type('medical-device', 0.7)]),
  pen(48223, 'Rauland', [type('nurse-call', 0.6)]),
];

function bac(number: number, name: string, makerStrength = 0.85): NumberRule {
  return {
    id: `bacnet.${number}`,
    family: 'bacnet',
    number,
    label: `BACnet I-Am vendor id ${number} (${name})`,
    claims: makerStrength > 0 ? [maker(name, makerStrength)] : [],
    source: 'ashrae-bacnet-vendors',
  };
}

/** ASHRAE BACnet vendor identifiers (a subset: the building-automation makers common in hospitals). */
export const BACNET_VENDOR_RULES: readonly NumberRule[] = [
  bac(2, 'Trane'), bac(3, 'Daikin Applied'), bac(5, 'Johnson Controls'), bac(6, 'ABB'), bac(7, 'Siemens (Building Technologies)'),
  bac(8, 'Delta Controls'), bac(9, 'Siemens (Building Technologies)'), bac(10, 'Schneider Electric'), bac(11, 'Schneider Electric (TAC)'),
  bac(16, 'Carrier'), bac(17, 'Honeywell'), bac(18, 'Honeywell (Alerton)'), bac(19, 'Schneider Electric (TAC)'),
  bac(23, 'Johnson Controls (York)'), bac(24, 'Automated Logic'), bac(26, 'Phoenix Controls'), bac(28, 'KMC Controls'),
  bac(35, 'Reliable Controls'), bac(36, 'Tridium'), bac(56, 'Vertiv (Liebert)'), bac(77, 'Carel'), bac(80, 'Sauter'),
  bac(113, 'Vertiv'), bac(222, 'WAGO'), bac(245, 'Contemporary Controls'), bac(313, 'Siemens (Building Technologies)'),
  bac(332, 'Distech Controls'), bac(364, 'Distech Controls'), bac(415, 'Beckhoff'),
  // Open-source protocol stack: says what software answers, not who made the device.
  bac(260, 'BACnet Stack at SourceForge', 0),
];

function root(r: string, name: string, source: RootRule['source'], claims: Claim[], label?: string, ref?: string): RootRule {
  return { id: `dicom.${r}`, family: 'dicom', root: r, label: label ?? `DICOM implementation class UID under ${r} (${name})`, claims, source, ...(ref ? { ref } : {}) };
}

/**
 * DICOM implementation class UID roots. A vendor root names the maker of the software that built the
 * association (modality, workstation or archive); a toolkit root (DCMTK, dcm4che) names only the toolkit.
 */
export const DICOM_ROOT_RULES: readonly RootRule[] = [
  root('1.2.840.113619', 'GE Healthcare', 'ge-dicom-cs', [maker('GE Healthcare', 0.85), type('medical-device', 0.75)]),
  root('1.3.46.670589', 'Philips', 'philips-dicom-cs', [maker('Philips', 0.85), type('medical-device', 0.75)]),
  root('1.3.12.2.1107.5', 'Siemens Healthineers', 'siemens-dicom-cs', [maker('Siemens Healthineers', 0.85), type('medical-device', 0.75)]),
  root('1.2.392.200036.9116', 'Canon Medical (Toshiba)', 'canon-dicom-cs', [maker('Canon Medical (Toshiba)', 0.8), type('medical-device', 0.75)]),
  root('1.2.392.200036.9125', 'Fujifilm (unconfirmed)', 'fujifilm-dicom-cs', [maker('Fujifilm', 0.5), type('medical-device', 0.7)]),
  root('1.2.276.0.7230010.3', 'OFFIS DCMTK toolkit', 'dcmtk', [type('medical-device', 0.45)],
    'DICOM implementation class UID under 1.2.276.0.7230010.3 (OFFIS DCMTK toolkit: no maker)'),
  root('1.2.40.0.13.1', 'dcm4che toolkit', 'dcm4che', [type('pacs-server', 0.45)],
    'DICOM implementation class UID under 1.2.40.0.13.1 (dcm4che / dcm4chee archive)'),
];
