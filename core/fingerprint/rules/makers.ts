// Makers: one canonical name per maker (the domain's "BD / Becton Dickinson / CareFusion / Alaris"
// problem), the IEEE-registered names that belong to each, which registrants are NIC / radio-module /
// contract makers (their OUI says nothing about the device's maker), and what a registrant's product
// line suggests about the device type. The product-line hints are deliberately weak (≤ 0.55): alone
// they never reach the answer threshold; they only support stronger evidence.
import type { Claim, PatternRule } from './types';

/** Canonical maker names. Aliases are matched against registered names and stated maker text. */
export const MAKER_ALIASES: ReadonlyArray<{ canonical: string; pattern: RegExp }> = [
  // medical
  { canonical: 'Becton Dickinson (BD)', pattern: /\b(becton|carefusion|alaris|pyxis\b(?!\s*s\.?r\.?l)|cardinal health 303)/i },
  { canonical: 'Baxter', pattern: /\bbaxter\b/i },
  { canonical: 'B. Braun', pattern: /\bb\.?\s*braun\b|braun melsungen/i },
  { canonical: 'ICU Medical', pattern: /\b(icu medical|hospira|smiths medical)\b/i },
  { canonical: 'Fresenius', pattern: /\bfresenius\b/i },
  { canonical: 'Philips', pattern: /\bphilips\b|\bphillips\b/i },
  { canonical: 'GE Healthcare', pattern: /\b(ge healthcare|ge medical|gehc|general electric)\b/i },
  { canonical: 'Mindray', pattern: /\bmindray\b/i },
  { canonical: 'Nihon Kohden', pattern: /\bnihon\s*kohden\b/i },
  { canonical: 'Dräger', pattern: /\b(dr[aä]eger|dräger|drager)\w*/i },
  { canonical: 'Spacelabs', pattern: /\bspacelabs\b/i },
  { canonical: 'Welch Allyn (Hillrom/Baxter)', pattern: /\b(welch\s*allyn|hill-?rom)\b/i },
  { canonical: 'Masimo', pattern: /\bmasimo\b/i },
  { canonical: 'Siemens Healthineers', pattern: /\bsiemens\s*(healthineers|healthcare|medical)\b/i },
  { canonical: 'Canon Medical (Toshiba)', pattern: /\b(canon\s*medical|toshiba\s*medical)\b/i },
  { canonical: 'Fujifilm', pattern: /\bfujifilm\b(?!\s*business)/i },
  { canonical: 'Carestream', pattern: /\bcarestream\b/i },
  { canonical: 'Agfa', pattern: /\bagfa\b/i },
  { canonical: 'Medtronic', pattern: /\bmedtronic\b/i },
  { canonical: 'ZOLL', pattern: /\bzoll\b(?!er)/i },
  { canonical: 'Hamilton Medical', pattern: /\bhamilton\s*medical\b/i },
  { canonical: 'Natus', pattern: /\bnatus\b/i },
  { canonical: 'Rauland', pattern: /\brauland\b/i },
  { canonical: 'Ascom', pattern: /\bascom\b/i },
  { canonical: 'Spectralink', pattern: /\bspectralink\b/i },
  { canonical: 'Vocera', pattern: /\bvocera\b/i },
  { canonical: 'Roche Diagnostics', pattern: /\broche diagnostics\b/i },
  { canonical: 'Abbott', pattern: /\babbott\b/i },
  { canonical: 'Beckman Coulter', pattern: /\bbeckman\b/i },
  { canonical: 'Sysmex', pattern: /\bsysmex\b/i },
  { canonical: 'Siemens', pattern: /\bsiemens\b/i },
  // IT / network / IoT
  { canonical: 'Cisco', pattern: /\bcisco\b|\bairespace\b/i },
  { canonical: 'HP', pattern: /\b(hewlett|hp inc\b|hp enterprise)/i },
  { canonical: 'Juniper', pattern: /\bjuniper networks\b/i },
  { canonical: 'TP-Link', pattern: /\btp-?link\b/i },
  { canonical: 'D-Link', pattern: /\bd-?link\b/i },
  { canonical: 'Belkin', pattern: /\bbelkin\b/i },
  { canonical: 'Edimax', pattern: /\bedimax\b/i },
  { canonical: 'eQ-3', pattern: /\beq-3\b/i },
  { canonical: 'OSRAM', pattern: /\bosram\b/i },
  { canonical: 'Withings', pattern: /\bwithings\b/i },
  { canonical: 'Apple', pattern: /^apple,? inc/i },
  { canonical: 'Google', pattern: /^google,? inc/i },
  { canonical: 'Microsoft', pattern: /^microsoft\b/i },
  { canonical: 'VMware', pattern: /\bvmware\b/i },
  { canonical: 'Axis Communications', pattern: /\baxis communications\b/i },
  { canonical: 'Polycom', pattern: /\bpolycom\b/i },
  { canonical: 'Yealink', pattern: /\byealink\b/i },
  { canonical: 'Xerox', pattern: /\bxerox\b|fujifilm business innovation/i },
  { canonical: 'Lexmark', pattern: /\blexmark\b/i },
  { canonical: 'Brother', pattern: /^brother industries/i },
  { canonical: 'Oki', pattern: /\boki data\b/i },
  { canonical: 'APC (Schneider Electric)', pattern: /\bamerican power conversion\b|\bapc\b/i },
  { canonical: 'Eaton', pattern: /\beaton\b/i },
  { canonical: 'SMC Networks', pattern: /\bsmc networks\b/i },
  // ednet is a brand of ASSMANN Electronic GmbH (the registrant of 3C:49:37).
  { canonical: 'ASSMANN Electronic (ednet)', pattern: /\bassmann\b|\bednet\b/i },
];

const SUFFIX = /[\s,.]+(co\.?|corp\.?|corporation|inc\.?|incorporated|ltd\.?|limited|llc|gmbh|ag|bv|b\.v\.|s\.?p\.?a\.?|sa|s\.a\.|oy|ab|kg|kgaa|plc|pte|international|technology|technologies|electronics|communications|systems|holdings|group)\b\.?$/i;

/** A registered or stated organisation name → the canonical maker name used in verdicts. */
export function canonicalMaker(name: string): string {
  const t = name.trim();
  for (const a of MAKER_ALIASES) if (a.pattern.test(t)) return a.canonical;
  let s = t;
  for (let i = 0; i < 4; i++) {
    const next = s.replace(SUFFIX, '').trim();
    if (next === s) break;
    s = next;
  }
  return s || t;
}

/**
 * Registrants whose OUI sits on other makers' devices: Wi-Fi / radio modules and chipsets (Espressif,
 * Murata, Silex, Lantronix, Digi, Laird, GainSpan, Hi-Flying…; medical devices often carry Murata,
 * Silex, Lantronix, Digi or Laird radios), PC NIC makers (Intel, Realtek, Broadcom…) and contract
 * manufacturers (Hon Hai, Compal, Askey…). Their name is shown as the MAC vendor but gives the maker
 * only weakly (0.3).
 */
export const MODULE_MAKERS: readonly RegExp[] = [
  /\bespressif\b/i, /\bmurata manufacturing\b/i, /\bsilex\b/i, /\blantronix\b/i, /\bdigi international\b/i,
  /\blaird\b/i, /\bgainspan\b/i, /\bhi-flying\b/i, /\bintel corporate\b/i, /\brealtek\b/i, /\bbroadcom\b/i,
  /\b(qualcomm|atheros)\b/i, /\bmediatek\b/i, /\btexas instruments\b/i, /\bmicrochip\b/i, /\bu-blox\b/i,
  /\bazurewave\b/i, /\buniversal global scientific\b/i, /\bhon hai\b/i, /\bcompal\b/i, /\baskey\b/i,
  /\blite-?on\b/i, /\bwistron neweb\b/i, /\bsierra wireless\b/i, /\btelit\b/i, /\bquectel\b/i,
  /\bcypress semiconductor\b/i, /\bmarvell\b/i, /\bralink\b/i, /\bfn-link\b/i, /\bredpine\b/i,
  /\broving networks\b/i, /\bdelta electronics\b/i, /\bshenzhen bilian\b/i, /\bnordic semiconductor\b/i,
  /\bsimcom\b/i, /\bjorjin\b/i, /\bamped wireless\b/i, /\bsagemcom\b/i, /\bpegatron\b/i, /\bquanta\b/i,
];

export function isModuleMaker(registeredName: string): boolean {
  return MODULE_MAKERS.some((r) => r.test(registeredName));
}

const medical = (strength = 0.7): Claim => ({ attribute: 'type', value: 'medical-device', strength });
const t = (value: string, strength: number): Claim => ({ attribute: 'type', value, strength });

/**
 * Type hints from the registrant of a device's OUI (IEEE RA registry names, checked in oui-data
 * 2.1.9). Matched against the registered name; the maker claim itself comes from the registry.
 */
export const OUI_TYPE_RULES: readonly PatternRule[] = [
  // Hypervisors: the OUI is the virtual NIC's, so the "device" is a virtual machine.
  { id: 'oui.vm', family: 'oui', kinds: [], pattern: /^(vmware|pcs systemtechnik|xensource|parallels)/i,
    label: 'virtual NIC OUI of {v}', claims: [t('virtual-machine', 0.8)], source: 'vm-oui' },
  { id: 'oui.hyperv', family: 'oui', kinds: [], pattern: /^microsoft corporation$/i,
    label: 'OUI of {v} (Hyper-V and Surface/Xbox NICs)', claims: [t('virtual-machine', 0.35)], source: 'vm-oui' },
  // Medical registrants (product line of the registrant; maker from the registry).
  { id: 'oui.bd', family: 'oui', kinds: [], pattern: /\b(alaris|carefusion|becton)/i,
    label: 'OUI of {v} (BD)', claims: [medical(), t('infusion-pump', 0.5)], source: 'ieee-ra', ref: 'Alaris/CareFusion/BD registrations; BD Alaris pumps in CISA ICSMA-20-170-06' },
  { id: 'oui.baxter', family: 'oui', kinds: [], pattern: /^baxter/i,
    label: 'OUI of {v}', claims: [medical(), t('infusion-pump', 0.45)], source: 'ieee-ra', ref: 'Baxter Sigma Spectrum pumps in CISA ICSMA-20-170-04' },
  { id: 'oui.bbraun', family: 'oui', kinds: [], pattern: /b\.\s*braun/i,
    label: 'OUI of {v}', claims: [medical(), t('infusion-pump', 0.45)], source: 'ieee-ra', ref: 'B. Braun SpaceCom in CISA ICSMA-20-296-02' },
  { id: 'oui.icu', family: 'oui', kinds: [], pattern: /^(icu medical|smiths medical|hospira)/i,
    label: 'OUI of {v}', claims: [medical(), t('infusion-pump', 0.5)], source: 'ieee-ra', ref: 'Smiths Medical Medfusion in CISA ICSMA-17-250-02A' },
  { id: 'oui.fresenius-vial', family: 'oui', kinds: [], pattern: /^fresenius-vial/i,
    label: 'OUI of {v}', claims: [medical(), t('infusion-pump', 0.5)], source: 'ieee-ra', ref: 'Fresenius Kabi Agilia in CISA ICSMA-21-355-01' },
  { id: 'oui.fresenius-mc', family: 'oui', kinds: [], pattern: /fresenius medical care/i,
    label: 'OUI of {v}', claims: [medical(), t('dialysis-machine', 0.5)], source: 'ieee-ra' },
  { id: 'oui.monitoring', family: 'oui', kinds: [], pattern: /^(philips medical systems - cardiac and monitoring|philips patient monitoring|spacelabs medical|criticare|nihon kohden|mindray)/i,
    label: 'OUI of {v}', claims: [medical(), t('patient-monitor', 0.5)], source: 'ieee-ra', ref: 'Philips IntelliVue ICSMA-20-254-01; Spacelabs ICSMA-20-049-01' },
  { id: 'oui.medical', family: 'oui', kinds: [], pattern: /^(draeger|drägerwerk|ge healthcare|ge medical system|philips healthcare|masimo|nonin|welch allyn|hill-rom|edan instruments|medtronic|stryker|getinge|karl storz|fujifilm healthcare|siemens healthcare|zoll|mortara|schiller ag|varian|sonosite|esaote|carestream health|natus|datex)/i,
    label: 'OUI of {v}', claims: [medical()], source: 'ieee-ra' },
  { id: 'oui.lab', family: 'oui', kinds: [], pattern: /^(abbott diagnostics|abbott point of care|roche diagnostics|beckman|sysmex|bio-rad|biomerieux|cepheid|siemens healthcare diagnostics)/i,
    label: 'OUI of {v}', claims: [medical(), t('lab-analyzer', 0.5)], source: 'ieee-ra' },
  { id: 'oui.ultrasound', family: 'oui', kinds: [], pattern: /^sonosite/i,
    label: 'OUI of {v}', claims: [t('ultrasound', 0.5)], source: 'ieee-ra' },
  { id: 'oui.nurse-call', family: 'oui', kinds: [], pattern: /^rauland/i,
    label: 'OUI of {v}', claims: [medical(0.6), t('nurse-call', 0.5)], source: 'ieee-ra' },
  // IT / IoT registrants with one product line.
  { id: 'oui.phones', family: 'oui', kinds: [], pattern: /^(polycom|yealink|xiamen yealink|spectralink|snom|grandstream|mitel|avaya)/i,
    label: 'OUI of {v}', claims: [t('ip-phone', 0.55)], source: 'ieee-ra' },
  { id: 'oui.printers', family: 'oui', kinds: [], pattern: /^(lexmark|zebra technologies|brother industries|seiko epson|kyocera document|oki data|fujifilm business innovation|xerox)/i,
    label: 'OUI of {v}', claims: [t('printer', 0.55)], source: 'ieee-ra' },
  { id: 'oui.axis', family: 'oui', kinds: [], pattern: /^axis communications/i,
    label: 'OUI of {v}', claims: [t('camera', 0.55)], source: 'ieee-ra' },
  { id: 'oui.iot', family: 'oui', kinds: [], pattern: /^(philips lighting|signify|eq-3|osram|withings|tuya|shelly|sonoff|itead)/i,
    label: 'OUI of {v}', claims: [t('iot-device', 0.6)], source: 'ieee-ra' },
  { id: 'oui.ups', family: 'oui', kinds: [], pattern: /^american power conversion/i,
    label: 'OUI of {v}', claims: [t('ups', 0.5)], source: 'ieee-ra' },
];
