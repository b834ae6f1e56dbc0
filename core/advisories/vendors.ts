// Vendor names as advisories and inventories spell them → one vendor group. The table is data, each
// group with the corporate history that justifies it, so a match can say why "Smiths Medical" in an
// inventory meets "ICU Medical" in an advisory. CISA itself writes "Phillips" for Philips
// (ICSMA-18-025-01) and "General Electric (GE)" for GE Healthcare.

export interface VendorGroup {
  key: string;
  name: string;
  aliases: string[];
  note?: string;
}

export const VENDOR_GROUPS: readonly VendorGroup[] = [
  { key: 'philips', name: 'Philips', aliases: ['Philips', 'Phillips', 'Philips Healthcare', 'Philips Medical Systems', 'Koninklijke Philips', 'Respironics', 'Philips Respironics'], note: "CISA's advisories also spell it 'Phillips'" },
  { key: 'ge', name: 'GE Healthcare', aliases: ['GE Healthcare', 'General Electric (GE)', 'General Electric', 'GE', 'GE Medical Systems', 'GEHC', 'GE HealthCare', 'Datex-Ohmeda', 'Marquette'], note: 'Datex-Ohmeda and Marquette are GE Healthcare brands' },
  { key: 'bd', name: 'Becton, Dickinson and Company (BD)', aliases: ['Becton, Dickinson and Company (BD)', 'Becton, Dickinson and Company', 'Becton Dickinson', 'BD', 'BD Medical', 'CareFusion', 'Care Fusion', 'Alaris', 'Alaris Medical', 'Pyxis'], note: 'CareFusion (Alaris, Pyxis) became part of BD in 2015' },
  { key: 'icu-medical', name: 'ICU Medical', aliases: ['ICU Medical', 'Smiths Medical', 'Smiths', 'Hospira', 'Medfusion'], note: 'Hospira (2017) and Smiths Medical (2022) became part of ICU Medical' },
  { key: 'baxter', name: 'Baxter', aliases: ['Baxter', 'Baxter International', 'Baxter International Inc.', 'Baxter Healthcare', 'Hillrom', 'Hill-Rom', 'Welch Allyn', 'Gambro'], note: 'Hillrom (with Welch Allyn) became part of Baxter in 2021; Gambro in 2013' },
  { key: 'medtronic', name: 'Medtronic', aliases: ['Medtronic', 'Covidien', 'Nellcor', 'Puritan Bennett', 'Puritan-Bennett'], note: 'Covidien (Nellcor, Puritan Bennett) became part of Medtronic in 2015' },
  { key: 'siemens', name: 'Siemens Healthineers', aliases: ['Siemens', 'Siemens Healthineers', 'Siemens Healthcare', 'Siemens Medical Solutions', 'Siemens AG'] },
  { key: 'b-braun', name: 'B. Braun', aliases: ['B. Braun', 'B Braun', 'BBraun', 'Braun', 'B. Braun Medical', 'B. Braun Melsungen AG', 'B. Braun Melsungen'] },
  { key: 'abbott', name: 'Abbott', aliases: ['Abbott', 'Abbott Laboratories', 'St. Jude Medical', 'St Jude Medical', 'St. Jude'], note: 'St. Jude Medical became part of Abbott in 2017' },
  { key: 'draeger', name: 'Dräger', aliases: ['Dräger', 'Draeger', 'Drager', 'Drägerwerk', 'Draeger Medical', 'Dräger Medical'] },
  { key: 'fresenius-kabi', name: 'Fresenius Kabi', aliases: ['Fresenius Kabi', 'Fresenius'] },
  { key: 'vyaire', name: 'Vyaire Medical', aliases: ['Vyaire Medical', 'Vyaire'] },
  { key: 'natus', name: 'Natus Medical', aliases: ['Natus Medical, Inc. (Natus)', 'Natus Medical', 'Natus', 'Xltek'] },
  { key: 'roche', name: 'Roche Diagnostics', aliases: ['Roche Diagnostics', 'Roche'] },
  { key: 'stryker', name: 'Stryker', aliases: ['Stryker', 'Physio-Control'] },
  { key: 'zoll', name: 'ZOLL', aliases: ['ZOLL', 'Zoll Medical'] },
  { key: 'boston-scientific', name: 'Boston Scientific', aliases: ['Boston Scientific', 'BSCI'] },
  { key: 'fujifilm', name: 'Fujifilm', aliases: ['Fujifilm', 'Fuji', 'FUJIFILM Medical', 'SonoSite'] },
  { key: 'carestream', name: 'Carestream', aliases: ['Carestream', 'Carestream Health', 'Kodak Health'] },
  { key: 'spacelabs', name: 'Spacelabs', aliases: ['Spacelabs', 'Spacelabs Healthcare', 'Space Labs'] },
  { key: 'hamilton', name: 'Hamilton Medical', aliases: ['Hamilton Medical AG', 'Hamilton Medical', 'Hamilton'] },
  { key: 'biotronik', name: 'BIOTRONIK', aliases: ['BIOTRONIK', 'Biotronik'] },
  { key: 'innokas', name: 'Innokas Yhtymä Oy', aliases: ['Innokas Yhtymä Oy', 'Innokas YhtymÃ¤ Oy', 'Innokas'] },
  { key: 'johnson-johnson', name: 'Johnson & Johnson', aliases: ['Johnson & Johnson', 'Ethicon', 'Animas'] },
  { key: 'change-healthcare', name: 'Change Healthcare', aliases: ['Change Healthcare', 'McKesson'] },
];

/** Lowercase, accents off, letters and digits only. */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '');
}

const SUFFIX = /(incorporated|inc|corporation|corp|company|co|ltd|limited|llc|gmbh|ag|sa|bv|nv|oy|ab|plc)$/;
function vendorKey(s: string): string {
  let k = foldKey(s);
  for (let i = 0; i < 2; i++) {
    const m = SUFFIX.exec(k);
    if (m && k.length - m[0].length >= 2) k = k.slice(0, k.length - m[0].length);
  }
  return k;
}

const BY_ALIAS = new Map<string, { group: VendorGroup; alias: string }>();
for (const g of VENDOR_GROUPS) for (const a of [g.name, ...g.aliases]) BY_ALIAS.set(vendorKey(a), { group: g, alias: a });

export interface VendorIdentity {
  /** Group key ("philips") or, for vendors not in the table, the folded name ("contechealth"). */
  key: string;
  /** The spelling looked up. */
  text: string;
  /** The group's display name. */
  name: string;
  /** Found through the alias table (as opposed to an unlisted vendor). */
  listed: boolean;
  /** foldKey(text), kept to compare spellings without refolding. */
  folded: string;
  note?: string;
}

function lookupOne(text: string): VendorIdentity | undefined {
  const k = vendorKey(text);
  if (!k) return undefined;
  const hit = BY_ALIAS.get(k);
  if (hit) {
    const out: VendorIdentity = { key: hit.group.key, text, name: hit.group.name, listed: true, folded: foldKey(text) };
    if (hit.group.note) out.note = hit.group.note;
    return out;
  }
  // "B. Braun Medical Inc." and "GE Healthcare Finland" start with a listed alias of ≥ 6 letters.
  for (const [ak, v] of BY_ALIAS) {
    if (ak.length >= 6 && k.startsWith(ak) && k.length - ak.length <= 12) {
      const out: VendorIdentity = { key: v.group.key, text, name: v.group.name, listed: true, folded: foldKey(text) };
      if (v.group.note) out.note = v.group.note;
      return out;
    }
  }
  return { key: k, text, name: text.trim(), listed: false, folded: foldKey(text) };
}

/**
 * The vendor group(s) a name denotes. Advisories sometimes name several vendors in one string
 * ("Silex Technology and GE Healthcare", "BMC Medical, 3B Medical"); each becomes an identity.
 */
export function identifyVendors(text: string | undefined): VendorIdentity[] {
  if (!text || !text.trim()) return [];
  const t = text.slice(0, 200).trim();
  const whole = lookupOne(t);
  if (whole?.listed) return [whole];
  const parts = t.split(/\s*(?:,|;|\/|\band\b|&)\s*/i).map((p) => p.trim()).filter((p) => p.length > 1);
  if (parts.length <= 1) return whole ? [whole] : [];
  const out: VendorIdentity[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    const v = lookupOne(p);
    if (v && !seen.has(v.key) && !/^(inc|ltd|llc|co|company)\.?$/i.test(p)) {
      seen.add(v.key);
      out.push(v);
    }
  }
  return out;
}

/** Optimal string alignment distance, stopping above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

export interface VendorAgreement {
  /** 0..1: 1 same name, 0.95 an alias of the same group, 0.8 a near spelling. */
  score: number;
  reason: string;
}

/** How well an asset's maker agrees with an advisory vendor. Undefined when they differ. */
export function vendorAgreement(asset: VendorIdentity, advisory: VendorIdentity): VendorAgreement | undefined {
  if (asset.key === advisory.key) {
    if (asset.folded === advisory.folded) return { score: 1, reason: `vendor '${advisory.text}'` };
    const why = advisory.note ? ` (${advisory.note})` : '';
    return { score: 0.95, reason: `vendor alias '${advisory.text}'→'${asset.text}'${why}` };
  }
  // One name is the other with more words ("Contec" / "Contec Health"), for names not in the table.
  const [short, long] = asset.key.length <= advisory.key.length ? [asset.key, advisory.key] : [advisory.key, asset.key];
  if (!asset.listed && !advisory.listed && short.length >= 5 && long.startsWith(short)) {
    return { score: 0.85, reason: `vendor '${asset.text}' ≈ '${advisory.text}'` };
  }
  // A misspelling of a name not in the table ("Toshipa"): one edit for names of 6+ letters.
  if (asset.key.length >= 6 && advisory.key.length >= 6 && editDistance(asset.key, advisory.key, 1) <= 1) {
    return { score: 0.8, reason: `vendor spelled '${asset.text}' ≈ '${advisory.text}'` };
  }
  return undefined;
}
