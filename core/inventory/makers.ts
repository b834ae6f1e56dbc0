// One maker under many names → one canonical maker. The table is data (aliases per canonical name,
// with the corporate history that justifies each: CareFusion and Alaris became part of BD in 2015,
// Hospira and Smiths Medical part of ICU Medical in 2017 and 2022, Toshiba Medical became Canon
// Medical Systems in 2018, Puritan Bennett / Covidien / Nellcor are Medtronic since 2015). The
// original text is always kept beside the canonical name by the caller (makerOriginal).
import { compactKey, editDistance } from './text';

export interface MakerEntry {
  canonical: string;
  aliases: string[];
  note?: string;
}

export const MAKERS: readonly MakerEntry[] = [
  { canonical: 'Becton Dickinson', aliases: ['BD', 'Becton Dickinson', 'Becton, Dickinson and Company', 'BD Medical', 'CareFusion', 'Care Fusion', 'Alaris', 'Alaris Medical', 'Cardinal Health Alaris', 'Pyxis', 'BD Alaris'], note: 'CareFusion (incl. Alaris, Pyxis) acquired by BD in 2015' },
  { canonical: 'GE Healthcare', aliases: ['GE', 'GE Healthcare', 'General Electric', 'General Electric (GE)', 'GE Medical', 'GE Medical Systems', 'GEHC', 'GE Healthcare Finland', 'Datex-Ohmeda', 'Datex Ohmeda', 'Marquette', 'GE Marquette'], note: 'Datex-Ohmeda and Marquette are GE Healthcare brands' },
  { canonical: 'Philips', aliases: ['Philips', 'Phillips', 'Philips Healthcare', 'Philips Medical Systems', 'Koninklijke Philips', 'Philips Medizin Systeme', 'Respironics', 'Philips Respironics'] },
  { canonical: 'Siemens Healthineers', aliases: ['Siemens', 'Siemens Healthineers', 'Siemens Healthcare', 'Siemens Medical', 'Siemens Medical Solutions', 'Siemens AG'] },
  { canonical: 'Canon Medical Systems', aliases: ['Canon Medical', 'Canon Medical Systems', 'Toshiba', 'Toshiba Medical', 'Toshiba Medical Systems', 'Toshiba America Medical Systems'], note: 'Toshiba Medical Systems renamed Canon Medical Systems in 2018' },
  { canonical: 'B. Braun', aliases: ['B. Braun', 'B Braun', 'BBraun', 'Braun', 'B. Braun Melsungen', 'Braun Melsungen'] },
  { canonical: 'Baxter', aliases: ['Baxter', 'Baxter Healthcare', 'Baxter International', 'Gambro', 'Hillrom', 'Hill-Rom', 'Welch Allyn'], note: 'Gambro (2013) and Hillrom incl. Welch Allyn (2021) acquired by Baxter' },
  { canonical: 'Fresenius Kabi', aliases: ['Fresenius', 'Fresenius Kabi', 'Fresenius Vial'] },
  { canonical: 'Fresenius Medical Care', aliases: ['Fresenius Medical Care', 'FMC', 'Fresenius Medical'] },
  { canonical: 'ICU Medical', aliases: ['ICU Medical', 'ICU', 'Hospira', 'Smiths Medical', 'Smiths', 'Smith Medical', 'Medfusion'], note: 'Hospira (2017) and Smiths Medical (2022) acquired by ICU Medical' },
  { canonical: 'Mindray', aliases: ['Mindray', 'Shenzhen Mindray', 'Mindray Medical', 'Datascope'] },
  { canonical: 'Nihon Kohden', aliases: ['Nihon Kohden', 'Nihon Koden', 'NihonKohden'] },
  { canonical: 'Dräger', aliases: ['Dräger', 'Draeger', 'Drager', 'Drägerwerk', 'Draegerwerk', 'Dräger Medical', 'Draeger Medical'] },
  { canonical: 'Spacelabs Healthcare', aliases: ['Spacelabs', 'Space Labs', 'Spacelabs Healthcare', 'Spacelabs Medical'] },
  { canonical: 'Fujifilm', aliases: ['Fujifilm', 'Fuji', 'Fuji Film', 'Fujifilm Medical', 'Fujifilm SonoSite', 'SonoSite'] },
  { canonical: 'Carestream', aliases: ['Carestream', 'Carestream Health', 'Kodak', 'Kodak Health'], note: 'Kodak Health Group became Carestream Health in 2007' },
  { canonical: 'Agfa HealthCare', aliases: ['Agfa', 'Agfa HealthCare', 'Agfa-Gevaert'] },
  { canonical: 'Medtronic', aliases: ['Medtronic', 'Covidien', 'Nellcor', 'Puritan Bennett', 'Puritan-Bennett', 'Newport Medical'], note: 'Covidien (incl. Nellcor, Puritan Bennett) acquired by Medtronic in 2015' },
  { canonical: 'Getinge', aliases: ['Getinge', 'Maquet', 'Maquet Getinge', 'Datascope Getinge'] },
  { canonical: 'Hamilton Medical', aliases: ['Hamilton', 'Hamilton Medical'] },
  { canonical: 'Zoll', aliases: ['Zoll', 'Zoll Medical'] },
  { canonical: 'Masimo', aliases: ['Masimo'] },
  { canonical: 'Stryker', aliases: ['Stryker', 'Physio-Control', 'Physio Control'], note: 'Physio-Control acquired by Stryker in 2016' },
  { canonical: 'Terumo', aliases: ['Terumo'] },
  { canonical: 'Olympus', aliases: ['Olympus'] },
  { canonical: 'Karl Storz', aliases: ['Karl Storz', 'Storz'] },
  { canonical: 'Sysmex', aliases: ['Sysmex'] },
  { canonical: 'Roche', aliases: ['Roche', 'Roche Diagnostics'] },
  { canonical: 'Abbott', aliases: ['Abbott', 'Abbott Laboratories'] },
  { canonical: 'Beckman Coulter', aliases: ['Beckman Coulter', 'Beckman'] },
  { canonical: 'Bayer', aliases: ['Bayer', 'Medrad', 'Bayer Medrad'], note: 'Medrad is a Bayer brand' },
  { canonical: 'Samsung Medison', aliases: ['Samsung Medison', 'Medison'] },
  { canonical: 'Esaote', aliases: ['Esaote'] },
  { canonical: 'Hologic', aliases: ['Hologic'] },
  { canonical: 'Shimadzu', aliases: ['Shimadzu'] },
  { canonical: 'Hitachi', aliases: ['Hitachi', 'Hitachi Medical', 'Aloka', 'Hitachi Aloka'] },
  { canonical: 'Varian', aliases: ['Varian', 'Varian Medical Systems'] },
  { canonical: 'Elekta', aliases: ['Elekta'] },
  { canonical: 'Edan', aliases: ['Edan', 'Edan Instruments'] },
  { canonical: 'Schiller', aliases: ['Schiller'] },
  { canonical: 'Mediso', aliases: ['Mediso'] },
  { canonical: 'Omron', aliases: ['Omron', 'Omron Healthcare'] },
  { canonical: 'Natus', aliases: ['Natus', 'Natus Medical'] },
  { canonical: 'Arjo', aliases: ['Arjo', 'ArjoHuntleigh', 'Huntleigh'] },
  { canonical: 'Vyaire', aliases: ['Vyaire', 'Vyaire Medical', 'Bird', 'Bear'] },
  { canonical: 'Moog', aliases: ['Moog', 'Zevex'] },
  { canonical: 'Nipro', aliases: ['Nipro'] },
];

// Corporate suffixes dropped before comparing ("GE Healthcare Inc." → "gehealthcare").
const SUFFIX = /(incorporated|inc|corporation|corp|company|co|ltd|limited|llc|gmbh|kgaa|ag|sa|sas|srl|spa|bv|nv|oy|ab|plc|pty|kk)$/;

function makerKey(s: string): string {
  let k = compactKey(s);
  for (let i = 0; i < 2; i++) {
    const m = SUFFIX.exec(k);
    if (m && k.length - m[0].length >= 2) k = k.slice(0, k.length - m[0].length);
  }
  return k;
}

const BY_KEY = new Map<string, string>();
for (const e of MAKERS) for (const a of [e.canonical, ...e.aliases]) BY_KEY.set(makerKey(a), e.canonical);
const LONG_KEYS = [...BY_KEY.keys()].filter((k) => k.length >= 5).sort((a, b) => b.length - a.length);

export interface MakerMatch {
  canonical: string;
  how: 'exact' | 'prefix' | 'misspelling' | 'unknown';
  /** Why, for the UI: "'Toshipa' read as 'Toshiba' (1 letter apart)". */
  reason?: string;
}

/**
 * Canonical maker for a name as typed: an alias table, then a known name at the start ("GE Healthcare
 * Finland Oy", "Philips Medizin Systeme Böblingen"), then a small edit distance for misspellings
 * ("Toshipa", "Phillips", "Puritan Bannet", "Sismex"). Unknown makers keep their own (trimmed) name.
 */
export function canonicalMaker(name: string): MakerMatch {
  const hit = CACHE.get(name);
  if (hit) return hit;
  const m = lookupMaker(name);
  if (CACHE.size >= 20_000) CACHE.clear();
  CACHE.set(name, m);
  return m;
}

// The same few hundred maker spellings repeat on every row of a big sheet.
const CACHE = new Map<string, MakerMatch>();

function lookupMaker(name: string): MakerMatch {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const key = makerKey(trimmed);
  if (!key) return { canonical: trimmed, how: 'unknown' };
  const exact = BY_KEY.get(key);
  if (exact) return { canonical: exact, how: 'exact' };
  // A known name followed by more words ("siemensag", "gehealthcarefinland").
  for (const k of LONG_KEYS) {
    if (key.startsWith(k) && key.length - k.length <= 24) {
      const c = BY_KEY.get(k)!;
      return { canonical: c, how: 'prefix', reason: `'${trimmed}' starts with the maker name '${c}'` };
    }
  }
  if (key.length >= 5) {
    let best: string | undefined;
    let bestD = Infinity;
    let tie = false;
    for (const k of LONG_KEYS) {
      const max = k.length >= 9 ? 2 : 1;
      if (Math.abs(k.length - key.length) > max) continue;
      const d = editDistance(key, k, max);
      if (d > max) continue;
      const c = BY_KEY.get(k)!;
      if (d < bestD) {
        bestD = d;
        best = c;
        tie = false;
      } else if (d === bestD && best !== c) tie = true;
    }
    if (best && !tie)
      return {
        canonical: best,
        how: 'misspelling',
        reason: `'${trimmed}' read as '${best}' (${bestD} letter${bestD === 1 ? '' : 's'} apart)`,
      };
  }
  return { canonical: trimmed, how: 'unknown' };
}
