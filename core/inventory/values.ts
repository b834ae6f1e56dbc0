// Cell values → text and typed values, keeping what the user typed. Dates follow Excel's serial day
// numbers (ECMA-376 Part 1 §18.17.4: day 1 = 1900-01-01 with the 1900 leap-year bug kept for Lotus
// compatibility; the 1904 system counts from 1904-01-01).
import type { Mac } from '../model/ids';
import { parseMac } from '../model/ids';
import type { DateOrder, RawCell } from './types';
import { fold } from './text';

/** Escape a cell for export, and undo it on import (one rule for every export: core/model/cells.ts). */
export { escapeFormula as escapeCell, unescapeFormula as unescapeCell } from '../model/cells';
import { unescapeFormula as unescapeCell } from '../model/cells';

/** A number as the digits a person typed: integers in full (no exponent), others shortest round-trip. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Tiny fractions: fixed notation without exponent.
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** The text of a raw cell: trimmed string, full-digit number, ISO date for date cells. */
export function cellText(cell: RawCell, date1904 = false): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return unescapeCell(cell.trim());
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return excelSerialToIso(cell.excelDate, date1904) ?? numberText(cell.excelDate);
}

const DAY_MS = 86_400_000;

/** Excel serial day number → ISO date (yyyy-mm-dd), or undefined outside 1900-01-01…9999-12-31. */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  let day = Math.floor(serial + 1e-9);
  if (date1904) return isoFromUtc(Date.UTC(1904, 0, 1) + day * DAY_MS);
  if (day === 60) return undefined; // 1900-02-29 does not exist (Lotus bug)
  if (day > 60) day -= 1;
  return isoFromUtc(Date.UTC(1899, 11, 31) + day * DAY_MS);
}

function isoFromUtc(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function validYmd(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return isoFromUtc(ms);
}

function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y; // Excel's own two-digit-year window (1930-2029 is close)
}

// Month names in English, Spanish, French, German, Portuguese, Italian, Indonesian (folded, prefix 3+).
const MONTHS: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'enero', 'ene', 'janvier', 'janv', 'januar', 'janeiro', 'gennaio', 'januari']],
  [2, ['february', 'feb', 'febrero', 'fevrier', 'fevr', 'fev', 'februar', 'fevereiro', 'febbraio', 'februari', 'peb']],
  [3, ['march', 'mar', 'marzo', 'mars', 'marz', 'marco', 'maret']],
  [4, ['april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile']],
  [5, ['may', 'mayo', 'mai', 'maio', 'maggio', 'mei']],
  [6, ['june', 'jun', 'junio', 'juin', 'juni', 'junho', 'giugno']],
  [7, ['july', 'jul', 'julio', 'juillet', 'juil', 'juli', 'julho', 'luglio']],
  [8, ['august', 'aug', 'agosto', 'ago', 'aout', 'agustus', 'agu']],
  [9, ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'septembre', 'setembro', 'settembre']],
  [10, ['october', 'oct', 'octubre', 'octobre', 'oktober', 'okt', 'outubro', 'out', 'ottobre']],
  [11, ['november', 'nov', 'noviembre', 'novembre', 'novembro', 'nopember']],
  [12, ['december', 'dec', 'diciembre', 'dic', 'decembre', 'dezember', 'dez', 'dezembro', 'dicembre', 'desember', 'des']],
];
const MONTH_BY_NAME = new Map<string, number>();
for (const [m, names] of MONTHS) for (const n of names) MONTH_BY_NAME.set(n, m);

/** The parts of a numeric text date like 03/04/2010, before deciding which is the day. */
export interface NumericDateParts {
  a: number;
  b: number;
  y: number;
  yearFirst: boolean;
}

const NUMERIC_DATE = /^(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?Z?)?$/i;

/** Split a numeric text date into its parts (undefined if it is not one). */
export function numericDateParts(text: string): NumericDateParts | undefined {
  const m = NUMERIC_DATE.exec(text.trim());
  if (!m) return undefined;
  const [p1, p2, p3] = [m[1]!, m[2]!, m[3]!];
  if (p1.length === 4) return { a: Number(p2), b: Number(p3), y: Number(p1), yearFirst: true };
  if (p3.length === 4 || p3.length === 2) return { a: Number(p1), b: Number(p2), y: fullYear(Number(p3), p3.length), yearFirst: false };
  return undefined;
}

/**
 * Parse a date written as text: ISO, dd/mm/yyyy or mm/dd/yyyy (by `order`), dd.mm.yyyy, 2-digit years,
 * month names in several languages ("12-Mar-2010", "12 de marzo de 2010", "März 2010" → the 1st).
 */
export function parseTextDate(text: string, order: DateOrder = 'dmy'): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const parts = numericDateParts(t);
  if (parts) {
    if (parts.yearFirst) return validYmd(parts.y, parts.a, parts.b);
    return order === 'mdy' ? validYmd(parts.y, parts.a, parts.b) : validYmd(parts.y, parts.b, parts.a);
  }
  if (/^\d{8}$/.test(t)) return validYmd(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)));
  // Words: tokens of letters and digits.
  const toks = fold(t).replace(/[,.]/g, ' ').split(/[\s/-]+/).filter((w) => w && w !== 'de' && w !== 'del' && w !== 'of');
  if (toks.length < 2 || toks.length > 3) return undefined;
  let month: number | undefined;
  const nums: string[] = [];
  for (const w of toks) {
    if (/^\d+$/.test(w)) nums.push(w);
    else {
      const m = MONTH_BY_NAME.get(w) ?? (w.length >= 3 ? MONTH_BY_NAME.get(w.slice(0, 3)) : undefined);
      if (m === undefined || month !== undefined) return undefined;
      month = m;
    }
  }
  if (month === undefined) return undefined;
  if (nums.length === 1) {
    const y = nums[0]!;
    return y.length === 4 ? validYmd(Number(y), month, 1) : undefined;
  }
  if (nums.length !== 2) return undefined;
  const [n1, n2] = nums as [string, string];
  if (n1.length === 4) return validYmd(Number(n1), month, Number(n2));
  if (n2.length === 4 || n2.length === 2) return validYmd(fullYear(Number(n2), n2.length), month, Number(n1));
  return undefined;
}

/** A date cell (Excel serial, date-formatted number, or text) → ISO date. */
export function cellDate(cell: RawCell, order: DateOrder, date1904 = false): string | undefined {
  if (cell === null || typeof cell === 'boolean') return undefined;
  if (typeof cell === 'object') return excelSerialToIso(cell.excelDate, date1904);
  // A plain number in a date column: an Excel serial typed or pasted without a date format, or a year.
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return undefined; // a year alone: keep as text
    if (cell >= 2 && cell <= 109_575) return excelSerialToIso(cell, date1904); // up to 2199-12-31
    return undefined;
  }
  return parseTextDate(cell, order);
}

/** Guess a column's day/month order from its numeric text dates. */
export function guessDateOrder(texts: string[]): { order: DateOrder; reason: string; ambiguous: boolean } {
  let dayFirst = 0;
  let monthFirst = 0;
  let yearFirst = 0;
  let seen = 0;
  for (const t of texts) {
    const p = numericDateParts(t);
    if (!p) continue;
    seen++;
    if (p.yearFirst) yearFirst++;
    else if (p.a > 12 && p.b <= 12) dayFirst++;
    else if (p.b > 12 && p.a <= 12) monthFirst++;
  }
  if (seen === 0) return { order: 'dmy', reason: 'no numeric text dates', ambiguous: false };
  if (yearFirst === seen) return { order: 'ymd', reason: 'dates written year first', ambiguous: false };
  if (dayFirst > 0 && monthFirst === 0)
    return { order: 'dmy', reason: `${dayFirst} date(s) have a first part above 12, so day/month/year`, ambiguous: false };
  if (monthFirst > 0 && dayFirst === 0)
    return { order: 'mdy', reason: `${monthFirst} date(s) have a second part above 12, so month/day/year`, ambiguous: false };
  if (dayFirst > 0 && monthFirst > 0)
    return dayFirst >= monthFirst
      ? { order: 'dmy', reason: `mixed: ${dayFirst} day-first and ${monthFirst} month-first dates; please check`, ambiguous: true }
      : { order: 'mdy', reason: `mixed: ${monthFirst} month-first and ${dayFirst} day-first dates; please check`, ambiguous: true };
  return { order: 'dmy', reason: 'every day and month is 12 or less; assumed day/month/year, please check', ambiguous: true };
}

/** IPv4 in dotted decimal (leading zeros tolerated and dropped) → canonical text. */
export function parseIpv4(text: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = [m[1]!, m[2]!, m[3]!, m[4]!].map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.join('.');
}

/** IPv6 (RFC 4291 text forms, optional zone) → lowercase text; a light check, not a full canonicaliser. */
export function parseIpv6(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!/^[0-9a-f:.]+$/.test(t) || !t.includes(':')) return undefined;
  const dbl = t.split('::');
  if (dbl.length > 2) return undefined;
  const groups = t.split(':').filter((g) => g !== '');
  if (groups.some((g) => g.length > 4 && !g.includes('.'))) return undefined;
  if (dbl.length === 1 && groups.length !== 8 && !(groups.length === 7 && t.includes('.'))) return undefined;
  if (groups.length > 8) return undefined;
  return t;
}

export function parseIp(text: string): string | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

const LIST_SPLIT = /[\s,;|/\n]+/;

/** One or more MACs in a cell ("00-1B-44-11-3A-B7 / 001b.4411.3ab8") → canonical list + leftovers. */
export function parseMacList(text: string): { macs: Mac[]; bad: string[] } {
  const macs: Mac[] = [];
  const bad: string[] = [];
  const whole = parseMac(text);
  if (whole) return { macs: [whole], bad };
  for (const part of text.split(LIST_SPLIT)) {
    if (!part) continue;
    const m = parseMac(part);
    if (m) {
      if (!macs.includes(m)) macs.push(m);
    } else bad.push(part);
  }
  return { macs, bad };
}

/** One or more IPs in a cell → canonical list + leftovers. */
export function parseIpList(text: string): { ips: string[]; bad: string[] } {
  const ips: string[] = [];
  const bad: string[] = [];
  for (const part of text.split(/[\s,;|\n]+/)) {
    if (!part) continue;
    const ip = parseIp(part);
    if (ip) {
      if (!ips.includes(ip)) ips.push(ip);
    } else bad.push(part);
  }
  return { ips, bad };
}

const YES = new Set(['si', 'sí', 'yes', 'y', 'oui', 'o', 'ja', 'j', 'x', 'true', 'verdadero', 'vrai', 'wahr', '1', 'ya', 'sim', 'high', 'alto', 'alta', 'eleve', 'hoch']);
const NO = new Set(['no', 'n', 'non', 'nein', 'false', 'falso', 'faux', 'falsch', '0', 'tidak', 'nao', 'low', 'bajo', 'baja', 'bas', 'niedrig']);

/** Yes/no in several languages ("Sí", "X", "oui", "ja", "1") → boolean. */
export function parseYesNo(text: string): boolean | undefined {
  const t = fold(text).trim().replace(/\.$/, '');
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}
