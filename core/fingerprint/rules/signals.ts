// Pattern rules over identity strings a device sends about itself: DHCP vendor class and host name,
// mDNS service types and TXT records, SSDP SERVER / NT / USN, HTTP User-Agent and Server, LLDP / CDP
// descriptions and capabilities, SNMP sysDescr, HL7 sending application, DICOM version names.
// Strengths are what one match alone supports; strings the device's user can set (host names, mDNS
// instance names) are discounted by the matcher (match.ts KIND_WEIGHT).
import type { ObservationKind } from '../../model/observation';
import type { Attribute, CaptureClaim, Claim, PatternRule } from './types';

const c = (attribute: Attribute, value: string, strength: number): Claim => ({ attribute, value, strength });
const cap = (attribute: Attribute, template: string, strength: number): CaptureClaim => ({ attribute, template, strength });
const type = (v: string, s: number) => c('type', v, s);
const maker = (v: string, s: number) => c('maker', v, s);
const modality = (v: string, s: number) => c('modality', v, s);

/** Kinds that carry product / maker names a device states about itself. */
const PRODUCT_KINDS: readonly ObservationKind[] = [
  'dhcp-vendor-class', 'hostname', 'fqdn', 'nbns-name', 'mdns-instance', 'mdns-txt', 'ssdp-server',
  'http-user-agent', 'http-server', 'snmp-sys-descr', 'snmp-sys-name', 'lldp-system-desc', 'lldp-system-name',
  'cdp-platform', 'cdp-device-id', 'hl7-sending-app', 'dicom-impl-version', 'dicom-calling-ae', 'tls-cert-subject',
  'software', 'os',
];

// ---------------------------------------------------------------------------------------------
// Medical product lines, from CISA ICS medical advisories (vendor → product names; US government
// work). Each rule's ref names the advisory. Negative lookaheads keep a product line's servers and
// gateways apart from its bedside devices.
// ---------------------------------------------------------------------------------------------
export const MEDICAL_PRODUCT_RULES: readonly PatternRule[] = [
  { id: 'med.bd-alaris-pump', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-170-06, ICSMA-18-235-01, ICSMA-17-017-02',
    pattern: /\balaris\b(?![\s_-]*(gateway|systems?[\s_-]*manager|server))/i, label: "'{v}' (BD Alaris infusion system)",
    claims: [maker('Becton Dickinson (BD)', 0.85), type('infusion-pump', 0.75)] },
  { id: 'med.bd-alaris-gateway', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-19-164-01',
    pattern: /\balaris[\s_-]*gateway/i, label: "'{v}' (BD Alaris Gateway Workstation)",
    claims: [maker('Becton Dickinson (BD)', 0.85), type('monitor-gateway', 0.8)] },
  { id: 'med.bd-alaris-sm', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-317-01',
    pattern: /\balaris[\s_-]*systems?[\s_-]*manager/i, label: "'{v}' (BD Alaris Systems Manager)",
    claims: [maker('Becton Dickinson (BD)', 0.85), type('server', 0.75)] },
  { id: 'med.carefusion', family: 'auto', kinds: PRODUCT_KINDS, source: 'ieee-ra', ref: 'registrant "Carefusion" (F8:C6:78); Alaris brand of BD',
    pattern: /\bcarefusion\b/i, label: "'{v}' (CareFusion, now BD)", claims: [maker('Becton Dickinson (BD)', 0.85), c('type', 'medical-device', 0.7)] },
  { id: 'med.bd-pyxis', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-114-01, ICSMA-20-091-01',
    pattern: /\bpyxis\b(?!.*\b(server|ciisafe)\b)/i, label: "'{v}' (BD Pyxis dispensing)",
    claims: [maker('Becton Dickinson (BD)', 0.8), type('medication-cabinet', 0.75)] },
  { id: 'med.baxter-spectrum', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-170-04',
    pattern: /\b(sigma|baxter)[\s_-]*spectrum\b/i, label: "'{v}' (Baxter Sigma Spectrum infusion pump)",
    claims: [maker('Baxter', 0.85), type('infusion-pump', 0.85)] },
  { id: 'med.bbraun-space', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-17-082-02, ICSMA-20-296-02',
    pattern: /\bspace[\s_-]?(com|station)\b/i, label: "'{v}' (B. Braun Space infusion system)",
    claims: [maker('B. Braun', 0.85), type('infusion-pump', 0.7)] },
  { id: 'med.smiths-medfusion', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-17-250-02A',
    pattern: /\bmedfusion\b/i, label: "'{v}' (Smiths Medical Medfusion syringe pump)",
    claims: [maker('ICU Medical', 0.8), type('infusion-pump', 0.85)] },
  { id: 'med.fresenius-agilia', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-21-355-01',
    pattern: /\bagilia\b/i, label: "'{v}' (Fresenius Kabi Agilia infusion)",
    claims: [maker('Fresenius', 0.85), type('infusion-pump', 0.8)] },
  { id: 'med.philips-piic', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-233-01',
    pattern: /\b(intellivue[\s_-]*information[\s_-]*cent(er|re)|piic(ix)?)\b/i, label: "'{v}' (Philips IntelliVue Information Center)",
    claims: [maker('Philips', 0.9), type('central-station', 0.85)] },
  { id: 'med.philips-intellivue', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-156-01, ICSMA-20-254-01, ICSMA-19-255-01',
    pattern: /\bintellivue\b(?![\s_-]*(information|guardian|cent))/i, label: "'{v}' (Philips IntelliVue patient monitor)",
    claims: [maker('Philips', 0.9), type('patient-monitor', 0.75)] },
  { id: 'med.philips-intellibridge', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-163-01',
    pattern: /\bintellibridge\b/i, label: "'{v}' (Philips IntelliBridge integration)",
    claims: [maker('Philips', 0.9), type('monitor-gateway', 0.8)] },
  { id: 'med.philips-pacs', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-312-01',
    pattern: /\b(intellispace[\s_-]*pacs|isite[\s_-]*pacs)\b/i, label: "'{v}' (Philips IntelliSpace PACS)",
    claims: [maker('Philips', 0.9), type('pacs-server', 0.8)] },
  { id: 'med.philips-isp', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-058-02',
    pattern: /\bintellispace[\s_-]*portal\b/i, label: "'{v}' (Philips IntelliSpace Portal)",
    claims: [maker('Philips', 0.9), type('pacs-workstation', 0.8)] },
  { id: 'med.philips-brilliance', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-123-01',
    pattern: /\bbrilliance\b(?![\s_-]*workspace)/i, label: "'{v}' (Philips Brilliance CT)",
    claims: [maker('Philips', 0.85), type('imaging-modality', 0.75), modality('CT', 0.75)] },
  { id: 'med.philips-us', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-177-01, ICSMA-19-241-02',
    pattern: /\b(epiq|affiniti|clearvue|hdi[\s_-]*[45]000)\b/i, label: "'{v}' (Philips ultrasound)",
    claims: [maker('Philips', 0.85), type('ultrasound', 0.8), modality('US', 0.8)] },
  { id: 'med.philips-avalon', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-156-01',
    pattern: /\bavalon[\s_-]*fm\d/i, label: "'{v}' (Philips Avalon fetal monitor)",
    claims: [maker('Philips', 0.9), type('patient-monitor', 0.8)] },
  { id: 'med.ge-carescape-gw', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-023-01',
    pattern: /\bcarescape[\s_-]*gateway\b/i, label: "'{v}' (GE CARESCAPE Gateway)",
    claims: [maker('GE Healthcare', 0.9), type('monitor-gateway', 0.85)] },
  { id: 'med.ge-carescape-cs', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-023-01',
    pattern: /\b(carescape[\s_-]*central|clinical[\s_-]*information[\s_-]*cent(er|re)|apexpro)\b/i, label: "'{v}' (GE central station / telemetry)",
    claims: [maker('GE Healthcare', 0.9), type('central-station', 0.8)] },
  { id: 'med.ge-carescape', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-023-01',
    pattern: /\bcarescape\b(?![\s_-]*(gateway|central))/i, label: "'{v}' (GE CARESCAPE monitor)",
    claims: [maker('GE Healthcare', 0.9), type('patient-monitor', 0.7)] },
  { id: 'med.ge-us', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-049-02',
    pattern: /\b(logiq|voluson|versana)\b/i, label: "'{v}' (GE ultrasound)",
    claims: [maker('GE Healthcare', 0.85), type('ultrasound', 0.8), modality('US', 0.8)] },
  { id: 'med.ge-signa', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-343-01',
    pattern: /\b(signa|brivo[\s_-]*mr)\b/i, label: "'{v}' (GE MR)",
    claims: [maker('GE Healthcare', 0.8), type('imaging-modality', 0.75), modality('MR', 0.75)] },
  { id: 'med.draeger-infinity', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-19-022-01',
    pattern: /\b(infinity[\s_-]*(delta|explorer|kappa|omega|acute)|delta[\s_-]*xl)\b/i, label: "'{v}' (Dräger Infinity monitor)",
    claims: [maker('Dräger', 0.9), type('patient-monitor', 0.8)] },
  { id: 'med.spacelabs-xhibit', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-20-049-01',
    pattern: /\bxhibit\b/i, label: "'{v}' (Spacelabs Xhibit central / telemetry)",
    claims: [maker('Spacelabs', 0.9), type('central-station', 0.8)] },
  { id: 'med.welch-connex-vsm', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-21-152-01',
    pattern: /\bconnex[\s_-]*(spot|vital|cvsm|csm)\b/i, label: "'{v}' (Welch Allyn Connex vital signs monitor)",
    claims: [maker('Welch Allyn (Hillrom/Baxter)', 0.9), type('vital-signs-monitor', 0.8)] },
  { id: 'med.welch-connex-cs', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-21-152-01',
    pattern: /\bconnex[\s_-]*central\b/i, label: "'{v}' (Welch Allyn Connex Central Station)",
    claims: [maker('Welch Allyn (Hillrom/Baxter)', 0.9), type('central-station', 0.8)] },
  { id: 'med.welch-eli', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-22-167-01',
    pattern: /\beli[\s_-]*(150|250|280|380)c?\b/i, label: "'{v}' (Welch Allyn ELI electrocardiograph)",
    claims: [maker('Welch Allyn (Hillrom/Baxter)', 0.8), type('ecg', 0.8)] },
  { id: 'med.hamilton-vent', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-21-047-01',
    pattern: /\bhamilton[\s_-]*(t1|c[1-6]|g5|mr1)\b/i, label: "'{v}' (Hamilton Medical ventilator)",
    claims: [maker('Hamilton Medical', 0.9), type('ventilator', 0.85)] },
  { id: 'med.siemens-symbia', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-17-215-01',
    pattern: /\bsymbia\b/i, label: "'{v}' (Siemens Symbia SPECT)",
    claims: [maker('Siemens Healthineers', 0.85), type('imaging-modality', 0.75), modality('NM', 0.75)] },
  { id: 'med.fuji-fcr', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-19-113-01',
    pattern: /\bfcr[\s_-]*(capsula|carbon|xc-?2)\b/i, label: "'{v}' (Fujifilm FCR computed radiography)",
    claims: [maker('Fujifilm', 0.85), type('imaging-modality', 0.75), modality('CR', 0.75)] },
  { id: 'med.natus-neuroworks', family: 'auto', kinds: PRODUCT_KINDS, source: 'cisa-icsma', ref: 'ICSMA-18-165-01',
    pattern: /\b(xltek|neuroworks)\b/i, label: "'{v}' (Natus Xltek NeuroWorks EEG)",
    claims: [maker('Natus', 0.85), type('medical-device', 0.75)] },
];

// ---------------------------------------------------------------------------------------------
// Maker named in the string (brand token). Maker only; the type needs other evidence.
// ---------------------------------------------------------------------------------------------
const BRANDS: ReadonlyArray<[RegExp, string]> = [
  [/\bmindray\b/i, 'Mindray'], [/\bnihon[\s_-]*kohden\b/i, 'Nihon Kohden'], [/\bdr(ae|ä)ger\b/i, 'Dräger'],
  [/\bspacelabs\b/i, 'Spacelabs'], [/\bb\.?[\s_-]*braun\b/i, 'B. Braun'], [/\bbaxter\b/i, 'Baxter'],
  [/\bfresenius\b/i, 'Fresenius'], [/\b(smiths[\s_-]*medical|icu[\s_-]*medical|hospira)\b/i, 'ICU Medical'],
  [/\bwelch[\s_-]*allyn\b/i, 'Welch Allyn (Hillrom/Baxter)'], [/\bmasimo\b/i, 'Masimo'],
  [/\bwithings\b/i, 'Withings'], [/\bd-link\b/i, 'D-Link'], [/\btp-link\b/i, 'TP-Link'], [/\bbelkin\b/i, 'Belkin'],
  [/\bedimax\b/i, 'Edimax'], [/\bosram\b/i, 'OSRAM'], [/\bhomematic\b/i, 'eQ-3'], [/\bcisco\b/i, 'Cisco'],
  [/\bpolycom\b/i, 'Polycom'], [/\byealink\b/i, 'Yealink'], [/\baxis\b(?=.*\b(camera|video|network))/i, 'Axis Communications'],
];
export const BRAND_RULES: readonly PatternRule[] = BRANDS.map(([pattern, name]) => ({
  id: `brand.${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
  family: 'auto',
  kinds: PRODUCT_KINDS,
  pattern,
  label: `'{v}' names ${name}`,
  claims: [maker(name, 0.8)],
  source: 'vendor-name',
}));

// ---------------------------------------------------------------------------------------------
// DHCP (RFC 2132 options 60 and 12)
// ---------------------------------------------------------------------------------------------
export const DHCP_RULES: readonly PatternRule[] = [
  { id: 'dhcp.msft', family: 'dhcp', kinds: ['dhcp-vendor-class'], pattern: /^MSFT( 5\.0| 98)?$/, source: 'ms-dhcp-vendor-class',
    label: "DHCP vendor class '{v}' (Windows DHCP client)", claims: [c('os', 'Windows', 0.75)] },
  { id: 'dhcp.android', family: 'dhcp', kinds: ['dhcp-vendor-class'], pattern: /^android-dhcp-(\S+)/i, source: 'aosp-dhcp',
    label: "DHCP vendor class '{v}' (Android)", claims: [type('mobile-phone', 0.7)], captures: [cap('os', 'Android $1', 0.8)] },
  { id: 'dhcp.dhcpcd', family: 'dhcp', kinds: ['dhcp-vendor-class'], pattern: /^dhcpcd-[\d.]+:(Linux)-([\d.]+)/i, source: 'dhcpcd-man',
    label: "DHCP vendor class '{v}' (dhcpcd)", claims: [], captures: [cap('os', 'Linux $2', 0.7)] },
  { id: 'dhcp.udhcp', family: 'dhcp', kinds: ['dhcp-vendor-class'], pattern: /^udhcp \d/i, source: 'busybox-udhcpc',
    label: "DHCP vendor class '{v}' (BusyBox, embedded Linux)", claims: [c('os', 'Linux', 0.65)] },
  // Product names that appear as the DHCP host name set by the firmware (not by a user).
  { id: 'dhcp.tplink-hs', family: 'hostname', kinds: ['hostname'], pattern: /^(HS1[01][05])(\(\w+\))?$/, source: 'tplink-kasa',
    label: "host name '{v}' (TP-Link Kasa smart plug default name)", claims: [maker('TP-Link', 0.85), type('smart-plug', 0.85)],
    captures: [cap('model', 'TP-Link $1', 0.85)] },
  { id: 'dhcp.dlink-dch-sensor', family: 'hostname', kinds: ['hostname'], pattern: /^(DCH-S1[56]0)$/i, source: 'dlink-smarthome',
    label: "host name '{v}' (D-Link mydlink sensor default name)", claims: [maker('D-Link', 0.85), type('sensor', 0.85)],
    captures: [cap('model', 'D-Link $1', 0.85)] },
  { id: 'dhcp.dlink-dch-siren', family: 'hostname', kinds: ['hostname'], pattern: /^(DCH-S220)$/i, source: 'dlink-smarthome',
    label: "host name '{v}' (D-Link mydlink siren default name)", claims: [maker('D-Link', 0.85), type('sensor', 0.7)],
    captures: [cap('model', 'D-Link $1', 0.85)] },
  { id: 'dhcp.dlink-dsp', family: 'hostname', kinds: ['hostname'], pattern: /^(DSP-W\d{3})$/i, source: 'dlink-smarthome',
    label: "host name '{v}' (D-Link mydlink smart plug default name)", claims: [maker('D-Link', 0.85), type('smart-plug', 0.85)],
    captures: [cap('model', 'D-Link $1', 0.85)] },
  { id: 'dhcp.dlink-dcs', family: 'hostname', kinds: ['hostname'], pattern: /^(DCS-\d{3,4}[A-Z]{0,3}\d?)\b/i, source: 'dlink-dcs',
    label: "host name '{v}' (D-Link DCS network camera default name)", claims: [maker('D-Link', 0.85), type('camera', 0.8)],
    captures: [cap('model', 'D-Link $1', 0.8)] },
  { id: 'dhcp.hue', family: 'hostname', kinds: ['hostname'], pattern: /^Philips-hue$/i, source: 'hue-ssdp',
    label: "host name '{v}' (Philips Hue bridge default name)", claims: [maker('Philips', 0.85), type('iot-hub', 0.8)] },
  { id: 'dhcp.lightify', family: 'hostname', kinds: ['hostname', 'mdns-instance'], pattern: /^Lightify-[0-9a-f]{6,8}\b/i, source: 'osram-lightify',
    label: "host name '{v}' (OSRAM Lightify gateway default name)", claims: [maker('OSRAM', 0.85), type('iot-hub', 0.8)] },
];

// ---------------------------------------------------------------------------------------------
// mDNS / DNS-SD (RFC 6763): service types and TXT keys
// ---------------------------------------------------------------------------------------------
export const MDNS_RULES: readonly PatternRule[] = [
  { id: 'mdns.ipp', family: 'mdns', kinds: ['mdns-service'], pattern: /^_(ipps?|pdl-datastream|printer)\._tcp$/i, source: 'pwg-ipp-everywhere',
    label: "mDNS service {v} (printing)", claims: [type('printer', 0.8)] },
  { id: 'mdns.scanner', family: 'mdns', kinds: ['mdns-service'], pattern: /^_(uscans?|scanner)\._tcp$/i, source: 'apple-bonjour-printing',
    label: "mDNS service {v} (scanner)", claims: [type('printer', 0.6)] },
  { id: 'mdns.googlecast', family: 'mdns', kinds: ['mdns-service'], pattern: /^_googlecast\._tcp$/i, source: 'google-cast',
    label: "mDNS service {v} (Google Cast receiver)", claims: [type('media-player', 0.65)] },
  { id: 'mdns.airplay', family: 'mdns', kinds: ['mdns-service'], pattern: /^_(airplay|raop)\._tcp$/i, source: 'apple-airplay',
    label: "mDNS service {v} (AirPlay receiver)", claims: [type('media-player', 0.5)] },
  { id: 'mdns.hap', family: 'mdns', kinds: ['mdns-service'], pattern: /^_hap\._(tcp|udp)$/i, source: 'apple-hap',
    label: "mDNS service {v} (HomeKit accessory)", claims: [type('iot-device', 0.7)] },
  { id: 'mdns.axis', family: 'mdns', kinds: ['mdns-service'], pattern: /^_axis-video\._tcp$/i, source: 'axis-vapix',
    label: "mDNS service {v} (Axis video)", claims: [maker('Axis Communications', 0.85), type('camera', 0.85)] },
  { id: 'mdns.dhnap', family: 'mdns', kinds: ['mdns-service'], pattern: /^_dhnap\._tcp$/i, source: 'dlink-hnap',
    label: "mDNS service {v} (D-Link HNAP)", claims: [maker('D-Link', 0.8)] },
  { id: 'mdns.ssh-workstation', family: 'mdns', kinds: ['mdns-service'], pattern: /^_(companion-link|device-info|sleep-proxy)\._(tcp|udp)$/i, source: 'rfc6763',
    label: "mDNS service {v} (Apple host)", claims: [maker('Apple', 0.6)] },
  { id: 'mdns.txt-ty', family: 'mdns', kinds: ['mdns-txt'], pattern: /^(?:ty|product|usb_mdl)=\(?([^)]{2,64})\)?$/i, source: 'apple-bonjour-printing',
    label: "mDNS TXT {v}", claims: [type('printer', 0.7)], captures: [cap('model', '$1', 0.7)] },
  { id: 'mdns.txt-md', family: 'mdns', kinds: ['mdns-txt'], pattern: /^(?:md|model|modelname)=(.{2,64})$/i, source: 'google-cast',
    label: "mDNS TXT {v}", claims: [], captures: [cap('model', '$1', 0.7)] },
  { id: 'mdns.dlink-dch', family: 'mdns', kinds: ['mdns-instance'], pattern: /^D-Link (DCH-S1[56]0|DCH-S220|DSP-W\d{3}|DCS-\w+) Configuration Utility/i, source: 'dlink-smarthome',
    label: "mDNS instance '{v}'", claims: [maker('D-Link', 0.85)], captures: [cap('model', 'D-Link $1', 0.8)] },
  { id: 'mdns.dlink-dcs', family: 'mdns', kinds: ['mdns-instance'], pattern: /^D-Link DCS-\w+ /i, source: 'dlink-dcs',
    label: "mDNS instance '{v}' (D-Link DCS camera)", claims: [maker('D-Link', 0.85), type('camera', 0.8)] },
  { id: 'mdns.dlink-dch-sensor', family: 'mdns', kinds: ['mdns-instance'], pattern: /^D-Link DCH-S1[56]0 /i, source: 'dlink-smarthome',
    label: "mDNS instance '{v}' (D-Link sensor)", claims: [type('sensor', 0.8)] },
  { id: 'mdns.dlink-dch-siren', family: 'mdns', kinds: ['mdns-instance'], pattern: /^D-Link DCH-S220 /i, source: 'dlink-smarthome',
    label: "mDNS instance '{v}' (D-Link siren)", claims: [type('sensor', 0.7)] },
  { id: 'mdns.dlink-dsp', family: 'mdns', kinds: ['mdns-instance'], pattern: /^D-Link DSP-W\d{3} /i, source: 'dlink-smarthome',
    label: "mDNS instance '{v}' (D-Link smart plug)", claims: [type('smart-plug', 0.8)] },
  { id: 'mdns.hue', family: 'mdns', kinds: ['mdns-instance'], pattern: /^Philips hue - [0-9A-F]{6}\._hap/i, source: 'hue-ssdp',
    label: "mDNS instance '{v}' (Philips Hue bridge)", claims: [maker('Philips', 0.85), type('iot-hub', 0.8)] },
];

// ---------------------------------------------------------------------------------------------
// SSDP / UPnP (UPnP DA 2.0: SERVER "OS/version UPnP/x product/version"; NT/USN device types)
// ---------------------------------------------------------------------------------------------
export const SSDP_RULES: readonly PatternRule[] = [
  { id: 'ssdp.hue-bridge', family: 'ssdp', kinds: ['ssdp-server'], pattern: /\bIpBridge\/([\d.]+)/, source: 'hue-ssdp',
    label: "SSDP SERVER '{v}' (Philips Hue bridge)", claims: [maker('Philips', 0.85), type('iot-hub', 0.85)], captures: [cap('firmware', 'IpBridge $1', 0.8)] },
  { id: 'ssdp.dlink-dcs', family: 'ssdp', kinds: ['ssdp-server'], pattern: /\b(DCS-\d{3,4}\w*)\/[\d.]+/, source: 'dlink-dcs',
    label: "SSDP SERVER '{v}' (D-Link DCS camera)", claims: [maker('D-Link', 0.85), type('camera', 0.85)], captures: [cap('model', 'D-Link $1', 0.85)] },
  { id: 'ssdp.os-linux', family: 'ssdp', kinds: ['ssdp-server'], pattern: /^Linux\/(\d+\.\d+)/i, source: 'upnp-da',
    label: "SSDP SERVER '{v}'", claims: [], captures: [cap('os', 'Linux $1', 0.7)] },
  { id: 'ssdp.os-windows', family: 'ssdp', kinds: ['ssdp-server'], pattern: /\bWindows(?:\/|\sNT\/)(\d+\.\d+)/i, source: 'upnp-da',
    label: "SSDP SERVER '{v}'", claims: [], captures: [cap('os', 'Windows NT $1', 0.7)] },
  { id: 'ssdp.wemo-plug', family: 'ssdp', kinds: ['ssdp-nt', 'ssdp-usn'], pattern: /urn:Belkin:device:(controllee|insight):1|uuid:(Socket|Insight)-1_0-/i, source: 'wemo-upnp',
    label: "SSDP '{v}' (Belkin WeMo switch / Insight plug)", claims: [maker('Belkin', 0.9), type('smart-plug', 0.85)] },
  { id: 'ssdp.wemo-bridge', family: 'ssdp', kinds: ['ssdp-nt', 'ssdp-usn'], pattern: /urn:Belkin:device:bridge:1|uuid:Bridge-1_0-/i, source: 'wemo-upnp',
    label: "SSDP '{v}' (Belkin WeMo Link bridge)", claims: [maker('Belkin', 0.9), type('iot-hub', 0.85)] },
  { id: 'ssdp.wemo-sensor', family: 'ssdp', kinds: ['ssdp-nt', 'ssdp-usn'], pattern: /urn:Belkin:device:sensor:1|uuid:Sensor-1_0-/i, source: 'wemo-upnp',
    label: "SSDP '{v}' (Belkin WeMo motion sensor)", claims: [maker('Belkin', 0.9), type('sensor', 0.85)] },
  { id: 'ssdp.wemo-lightswitch', family: 'ssdp', kinds: ['ssdp-nt', 'ssdp-usn'], pattern: /urn:Belkin:device:(lightswitch|dimmer):1|uuid:Lightswitch-1_0-/i, source: 'wemo-upnp',
    label: "SSDP '{v}' (Belkin WeMo light switch)", claims: [maker('Belkin', 0.9), type('smart-plug', 0.8)] },
  { id: 'ssdp.igd', family: 'ssdp', kinds: ['ssdp-nt'], pattern: /^urn:schemas-upnp-org:device:InternetGatewayDevice:\d$/i, source: 'upnp-da',
    label: "SSDP NT '{v}'", claims: [] },
  { id: 'ssdp.media-renderer', family: 'ssdp', kinds: ['ssdp-nt'], pattern: /^urn:schemas-upnp-org:device:MediaRenderer:\d$/i, source: 'upnp-da',
    label: "SSDP NT '{v}' (UPnP media renderer)", claims: [type('media-player', 0.6)] },
  { id: 'ssdp.printer', family: 'ssdp', kinds: ['ssdp-nt'], pattern: /^urn:schemas-upnp-org:device:Printer:\d$/i, source: 'upnp-da',
    label: "SSDP NT '{v}' (UPnP printer)", claims: [type('printer', 0.75)] },
];

// ---------------------------------------------------------------------------------------------
// HTTP product tokens (RFC 9110) and Windows version tokens
// ---------------------------------------------------------------------------------------------
const WIN_NT: ReadonlyArray<[string, string]> = [
  ['5.0', 'Windows 2000'], ['5.1', 'Windows XP'], ['5.2', 'Windows XP x64 / Server 2003'], ['6.0', 'Windows Vista / Server 2008'],
  ['6.1', 'Windows 7 / Server 2008 R2'], ['6.2', 'Windows 8 / Server 2012'], ['6.3', 'Windows 8.1 / Server 2012 R2'], ['10.0', 'Windows 10/11'],
];
export const HTTP_RULES: readonly PatternRule[] = [
  ...WIN_NT.map(([nt, name]): PatternRule => ({
    id: `http.winnt-${nt}`, family: 'auto', kinds: ['http-user-agent', 'ssdp-server', 'os'], source: 'ms-ua-tokens',
    pattern: new RegExp(`\\bWindows NT ${nt.replace('.', '\\.')}\\b`), label: `'{v}' (Windows NT ${nt})`,
    claims: [c('os', name, 0.8)],
  })),
  { id: 'http.withings', family: 'http', kinds: ['http-user-agent'], pattern: /^Withings UserAgent$/i, source: 'vendor-name',
    label: "HTTP User-Agent '{v}'", claims: [maker('Withings', 0.85)] },
  { id: 'http.wget-uclibc', family: 'http', kinds: ['http-user-agent'], pattern: /\blinux-uclibc\b/i, source: 'http-ua-rfc9110',
    label: "HTTP User-Agent '{v}' (embedded Linux)", claims: [c('os', 'Linux', 0.6)] },
];

// ---------------------------------------------------------------------------------------------
// LLDP (IEEE 802.1AB) and CDP
// ---------------------------------------------------------------------------------------------
export const LINK_RULES: readonly PatternRule[] = [
  { id: 'cdp.ip-phone', family: 'cdp', kinds: ['cdp-platform', 'lldp-system-desc'], pattern: /\bCisco IP Phone\s*(\w+)?/i, source: 'fingerbank',
    ref: 'Fingerbank [os 300] "Cisco IP Phone"; CDP platform string',
    label: "'{v}' (Cisco IP phone)", claims: [maker('Cisco', 0.9), type('ip-phone', 0.9)], captures: [cap('model', 'Cisco IP Phone $1', 0.85)] },
  { id: 'cdp.catalyst', family: 'cdp', kinds: ['cdp-platform', 'snmp-sys-descr', 'lldp-system-desc'], pattern: /\b(WS-C\d{4}[\w-]*)/i, source: 'cisco-cdp',
    label: "'{v}' (Cisco Catalyst switch)", claims: [maker('Cisco', 0.9), type('switch', 0.85)], captures: [cap('model', 'Cisco $1', 0.85)] },
  { id: 'cdp.catalyst-ios', family: 'cdp', kinds: ['cdp-software', 'snmp-sys-descr'], pattern: /\bC(2960|3560|3750|3850|4500|6500|9200|9300|9400|9500)\w* Software\b/i, source: 'cisco-cdp',
    label: "IOS image '{v}' (Catalyst switch)", claims: [maker('Cisco', 0.9), type('switch', 0.8)] },
  { id: 'cdp.isr', family: 'cdp', kinds: ['cdp-platform'], pattern: /^cisco\s+(1[6-9]\d\d|2[5-9]\d\d|3[6-9]\d\d|8[0-9]\d|ISR\d+)\b/i, source: 'cisco-cdp',
    ref: 'Zeek cdp-v1.pcap: platform "cisco 1601", IOS "C1600-NY-L"', label: "CDP platform '{v}' (Cisco router)",
    claims: [maker('Cisco', 0.9), type('router', 0.8)], captures: [cap('model', 'Cisco $1', 0.85)] },
  { id: 'cdp.air', family: 'cdp', kinds: ['cdp-platform'], pattern: /\b(AIR-[A-Z]*AP[\w-]+)/i, source: 'cisco-cdp',
    label: "CDP platform '{v}' (Cisco Aironet AP)", claims: [maker('Cisco', 0.9), type('access-point', 0.85)], captures: [cap('model', 'Cisco $1', 0.85)] },
  { id: 'cdp.ios', family: 'cdp', kinds: ['cdp-software', 'snmp-sys-descr'], pattern: /\bIOS[^,]*?,?\s.*?Version ([\w.()]+)/i, source: 'cisco-cdp',
    label: "software '{v}'", claims: [maker('Cisco', 0.8)], captures: [cap('os', 'Cisco IOS $1', 0.85)] },
  { id: 'cdp.cap-phone', family: 'cdp', kinds: ['cdp-capabilities'], pattern: /\bphone\b/, source: 'cisco-cdp',
    label: 'CDP capabilities {v}', claims: [type('ip-phone', 0.7)] },
  { id: 'cdp.cap-switch', family: 'cdp', kinds: ['cdp-capabilities'], pattern: /\bswitch\b/, source: 'cisco-cdp',
    label: 'CDP capabilities {v}', claims: [type('network-device', 0.75)] },
  { id: 'cdp.cap-router', family: 'cdp', kinds: ['cdp-capabilities'], pattern: /^router(,|$)/, source: 'cisco-cdp',
    label: 'CDP capabilities {v}', claims: [type('network-device', 0.75)] },
  { id: 'lldp.cap-phone', family: 'lldp', kinds: ['lldp-capabilities'], pattern: /\btelephone\b/, source: 'ieee-802.1ab',
    label: 'LLDP capabilities {v}', claims: [type('ip-phone', 0.75)] },
  { id: 'lldp.cap-ap', family: 'lldp', kinds: ['lldp-capabilities'], pattern: /\bwlan-ap\b/, source: 'ieee-802.1ab',
    label: 'LLDP capabilities {v}', claims: [type('access-point', 0.7)] },
  { id: 'lldp.cap-bridge', family: 'lldp', kinds: ['lldp-capabilities'], pattern: /^(?!.*\b(telephone|wlan-ap|station)\b).*\bbridge\b/, source: 'ieee-802.1ab',
    label: 'LLDP capabilities {v}', claims: [type('switch', 0.65)] },
  { id: 'lldp.cap-router', family: 'lldp', kinds: ['lldp-capabilities'], pattern: /^(?!.*\bbridge\b).*\brouter\b/, source: 'ieee-802.1ab',
    label: 'LLDP capabilities {v}', claims: [type('router', 0.65)] },
  { id: 'lldp.linux', family: 'lldp', kinds: ['lldp-system-desc', 'snmp-sys-descr'], pattern: /^(?:(?!Ubuntu).)*\bLinux (\d+\.\d+)\.\d+/, source: 'ieee-802.1ab',
    label: "system description '{v}'", claims: [], captures: [cap('os', 'Linux $1', 0.8)] },
  { id: 'lldp.ubuntu', family: 'lldp', kinds: ['lldp-system-desc', 'snmp-sys-descr'], pattern: /\b(Ubuntu \d+\.\d+)[\w. ]*?\bLinux (\d+\.\d+)\.\d+/, source: 'ieee-802.1ab',
    label: "system description '{v}'", claims: [], captures: [cap('os', 'Linux $2 ($1)', 0.8)] },
  { id: 'snmp.windows', family: 'snmp', kinds: ['snmp-sys-descr'], pattern: /\bSoftware: Windows\b.*Version (\d+\.\d+)/i, source: 'rfc3418',
    label: "sysDescr '{v}'", claims: [c('os', 'Windows', 0.8)], captures: [cap('os', 'Windows NT $1', 0.85)] },
];

export const PATTERN_RULES: readonly PatternRule[] = [
  ...MEDICAL_PRODUCT_RULES,
  ...BRAND_RULES,
  ...DHCP_RULES,
  ...MDNS_RULES,
  ...SSDP_RULES,
  ...HTTP_RULES,
  ...LINK_RULES,
];
