// Suggest what each column means, from its header (in several languages) and from its cells (MACs,
// IPs, dates, maker names, serial-like codes). Every suggestion carries its reasons so the wizard can
// show why; the person confirms or changes it, and the result can be saved as a profile.
import type { AssetField, ColumnMapping, DateOrder, RawCell, RawSheet } from './types';
import { DATE_FIELDS, MULTI_FIELDS } from './types';
import type { HeaderGuess } from './header';
import { headerCandidates } from './synonyms';
import { cellText, guessDateOrder, numericDateParts, parseIpList, parseMacList, parseTextDate, parseYesNo } from './values';
import { isPlaceholder, headerKey } from './text';
import { canonicalMaker } from './makers';

/** Headers of columns that a Wardwalk export added: ignored on import so a round trip changes nothing. */
export const EXPORT_COLUMN_PREFIX = 'Wardwalk: ';

export interface ColumnSuggestion extends ColumnMapping {
  /** 0..1 */
  confidence: number;
  reasons: string[];
  /** Other fields this column could be, best first. */
  alternatives: AssetField[];
  /** What the cells look like, for the wizard. */
  content: ColumnContent;
}

export interface ColumnContent {
  filled: number;
  mac: number;
  ip: number;
  date: number;
  maker: number;
  serialLike: number;
  yesNo: number;
  unique: number;
  samples: string[];
}

export interface MappingSuggestion {
  /** Shape signature of the sheet (normalised headers) for profiles. */
  signature: string;
  columns: ColumnSuggestion[];
  /** The profile that was applied, when one matched this sheet's shape. */
  profileId?: string;
  profileName?: string;
}

/** A saved mapping, offered again for sheets of the same shape. */
export interface MappingProfile {
  id: string;
  name: string;
  signature: string;
  columns: Array<{ headerKey: string; field: AssetField | null; dateOrder?: DateOrder; ignore?: boolean }>;
  createdAt: number;
}

const SAMPLE = 400;
const SCAN = 5000;
const GENERATED_HEADER = /^Column [A-Z]{1,3}( \(\d+\))?$/;

/** Shape signature: the normalised headers in order ("no inventario|equipo|marca|…"). */
export function sheetSignature(headers: string[]): string {
  return headers
    .filter((h) => !h.startsWith(EXPORT_COLUMN_PREFIX))
    .map((h) => headerKey(h))
    .join('|');
}

export function analyseColumn(sheet: RawSheet, col: number, dataStart: number): ColumnContent {
  const c: ColumnContent = { filled: 0, mac: 0, ip: 0, date: 0, maker: 0, serialLike: 0, yesNo: 0, unique: 0, samples: [] };
  const seen = new Set<string>();
  // A sample: the first SAMPLE values within the first SCAN rows (a near-empty column costs no more).
  for (let r = dataStart; r < sheet.rows.length && r < dataStart + SCAN && c.filled < SAMPLE; r++) {
    const cell: RawCell = sheet.rows[r]?.[col] ?? null;
    const t = cellText(cell);
    if (!t || isPlaceholder(t)) continue;
    c.filled++;
    if (c.samples.length < 5) c.samples.push(t.length > 60 ? t.slice(0, 57) + '…' : t);
    if (!seen.has(t)) {
      seen.add(t);
      c.unique++;
    }
    if (typeof cell === 'object' && cell !== null) {
      c.date++;
      continue;
    }
    if (typeof cell === 'string') {
      if (/[:.-]|^[0-9a-f]{12}$/i.test(t)) {
        const m = parseMacList(t);
        if (m.macs.length > 0 && m.bad.length === 0) c.mac++;
      }
      if (/^[\d.:a-f\s,;]+$/i.test(t) && /[.:]/.test(t)) {
        const ip = parseIpList(t);
        if (ip.ips.length > 0 && ip.bad.length === 0) c.ip++;
      }
      if ((numericDateParts(t) || /[a-z]/i.test(t)) && parseTextDate(t, 'dmy') !== undefined) c.date++;
      else if (numericDateParts(t) && parseTextDate(t, 'mdy') !== undefined) c.date++;
      if (/[a-z]/i.test(t) && t.length <= 40 && canonicalMaker(t).how !== 'unknown') c.maker++;
      if (parseYesNo(t) !== undefined) c.yesNo++;
    }
    if (/^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-/.]{3,24}$/.test(t) && !numericDateParts(t)) c.serialLike++;
  }
  return c;
}

interface Scored {
  field: AssetField;
  score: number;
  reasons: string[];
}

function contentScores(h: string, content: ColumnContent): Scored[] {
  const out: Scored[] = [];
  const n = content.filled;
  if (n === 0) return out;
  const pct = (k: number): string => `${Math.round((100 * k) / n)}%`;
  if (content.mac / n >= 0.6) out.push({ field: 'mac', score: 0.85, reasons: [`${pct(content.mac)} of the values look like MAC addresses`] });
  if (content.ip / n >= 0.6) out.push({ field: 'ip', score: 0.85, reasons: [`${pct(content.ip)} of the values look like IP addresses`] });
  if (content.maker / n >= 0.5) out.push({ field: 'maker', score: 0.6, reasons: [`${pct(content.maker)} of the values are known makers`] });
  if (content.date / n >= 0.6) out.push({ field: 'installDate', score: 0.2, reasons: [`${pct(content.date)} of the values look like dates`] }); // confirms a date header; alone it is not enough
  if (content.serialLike / n >= 0.8 && content.unique / n >= 0.9 && n >= 3)
    out.push({ field: 'serial', score: 0.3, reasons: [`${pct(content.serialLike)} of the values look like serial numbers and are unique`] });
  void h;
  return out;
}

/** Score every (column, field) pair from header and content, then assign greedily, best first. */
export function suggestMapping(sheet: RawSheet, guess: HeaderGuess, profiles: readonly MappingProfile[] = []): MappingSuggestion {
  const signature = sheetSignature(guess.headers);
  // One pass to find the columns that hold anything, so a stray cell in column XFD costs nothing.
  const used = new Set<number>();
  for (let r = guess.dataStart; r < sheet.rows.length && r < guess.dataStart + SCAN; r++) {
    const row = sheet.rows[r];
    if (row) for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== undefined && row[c] !== '') used.add(c);
  }
  const empty = (): ColumnContent => ({ filled: 0, mac: 0, ip: 0, date: 0, maker: 0, serialLike: 0, yesNo: 0, unique: 0, samples: [] });
  const contents = guess.headers.map((_, i) => (used.has(i) ? analyseColumn(sheet, i, guess.dataStart) : empty()));
  const profile = findProfile(profiles, guess.headers);
  if (profile) {
    const mapped = applyProfile(profile, guess.headers);
    return {
      signature,
      profileId: profile.id,
      profileName: profile.name,
      columns: mapped.map((m, i) => ({
        ...m,
        ...(m.field && DATE_FIELDS.has(m.field) && !m.dateOrder ? { dateOrder: dateOrderFor(sheet, i, guess.dataStart).order } : {}),
        confidence: 1,
        reasons: [`from the saved profile '${profile.name}'`],
        alternatives: [],
        content: contents[i]!,
      })),
    };
  }

  const perColumn: Scored[][] = guess.headers.map((header, i) => {
    const content = contents[i]!;
    if (content.filled === 0 && GENERATED_HEADER.test(header)) return []; // a blank column with no header
    const byField = new Map<AssetField, Scored>();
    // A two-row header ("Ubicación / Sala"): the sub-heading names the column, the group only hints.
    const parts = header.split(' / ');
    const sub = parts.length > 1 ? parts[parts.length - 1]! : undefined;
    const hits = sub ? [...headerCandidates(sub), ...headerCandidates(header).map((h) => ({ ...h, score: h.score * 0.8 }))] : headerCandidates(header);
    for (const hit of hits) {
      if ((byField.get(hit.field)?.score ?? 0) >= hit.score) continue;
      const how = hit.score === 1 ? 'is' : 'contains';
      byField.set(hit.field, { field: hit.field, score: hit.score, reasons: [`header '${header}' ${how} the ${langName(hit.lang)} name '${hit.synonym}'`] });
    }
    for (const s of contentScores(header, content)) {
      const prev = byField.get(s.field);
      if (prev) {
        prev.score = Math.min(1, prev.score + 0.15);
        prev.reasons.push(...s.reasons);
      } else byField.set(s.field, s);
    }
    // Content that contradicts a header guess lowers it ("IP" column full of MACs).
    const n = content.filled;
    if (n > 0) {
      for (const s of byField.values()) {
        if (s.field === 'ip' && content.mac / n >= 0.6 && content.ip / n < 0.2) {
          s.score -= 0.5;
          s.reasons.push('but the values are MAC addresses, not IPs');
        }
        if (s.field === 'mac' && content.ip / n >= 0.6 && content.mac / n < 0.2) {
          s.score -= 0.5;
          s.reasons.push('but the values are IP addresses, not MACs');
        }
        if (DATE_FIELDS.has(s.field) && content.date / n < 0.3 && n >= 3) {
          s.score -= 0.3;
          s.reasons.push('but few values look like dates');
        }
      }
      // "Mantenimiento preventivo" full of dates is a PM date rather than a frequency.
      const pm = byField.get('pmFrequency');
      if (pm && content.date / n >= 0.6) {
        byField.delete('pmFrequency');
        byField.set('lastPm', { field: 'lastPm', score: pm.score - 0.1, reasons: [...pm.reasons, 'its values are dates, so read as the last PM date'] });
      }
    }
    return [...byField.values()].filter((s) => s.score > 0.2).sort((a, b) => b.score - a.score);
  });

  const pairs: Array<{ col: number; s: Scored }> = [];
  perColumn.forEach((list, col) => list.forEach((s) => pairs.push({ col, s })));
  pairs.sort((a, b) => b.s.score - a.s.score || a.col - b.col);
  const chosen = new Map<number, Scored>();
  const usedFields = new Set<AssetField>();
  for (const { col, s } of pairs) {
    if (chosen.has(col)) continue;
    if (usedFields.has(s.field) && !MULTI_FIELDS.has(s.field)) continue;
    if (guess.headers[col]!.startsWith(EXPORT_COLUMN_PREFIX)) continue;
    chosen.set(col, s);
    usedFields.add(s.field);
  }

  const columns: ColumnSuggestion[] = guess.headers.map((header, i) => {
    const content = contents[i]!;
    const alternatives = perColumn[i]!.map((s) => s.field).filter((f) => f !== chosen.get(i)?.field);
    if (header.startsWith(EXPORT_COLUMN_PREFIX))
      return { index: i, header, field: null, ignore: true, confidence: 1, reasons: ['added by a Wardwalk export: ignored on import'], alternatives: [], content };
    const s = chosen.get(i);
    if (!s) {
      const why = content.filled === 0 ? 'empty column' : 'no known column name';
      return { index: i, header, field: null, confidence: 0.5, reasons: [`${why}: kept as the extra field '${header}'`], alternatives, content };
    }
    const col: ColumnSuggestion = { index: i, header, field: s.field, confidence: Math.max(0, Math.min(1, s.score)), reasons: s.reasons, alternatives, content };
    if (DATE_FIELDS.has(s.field)) {
      const d = dateOrderFor(sheet, i, guess.dataStart);
      col.dateOrder = d.order;
      col.reasons.push(`date order ${d.order}: ${d.reason}`);
    }
    return col;
  });
  return { signature, columns };
}

export function dateOrderFor(sheet: RawSheet, col: number, dataStart: number): ReturnType<typeof guessDateOrder> {
  const texts: string[] = [];
  for (let r = dataStart; r < sheet.rows.length && texts.length < 2000; r++) {
    const cell = sheet.rows[r]?.[col];
    if (typeof cell === 'string') texts.push(cell);
  }
  return guessDateOrder(texts);
}

function langName(l: string): string {
  return ({ en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese', it: 'Italian', id: 'Indonesian' } as Record<string, string>)[l] ?? l;
}

/** The profile for a sheet of this shape: same headers in order, else the same set of headers. */
export function findProfile(profiles: readonly MappingProfile[], headers: string[]): MappingProfile | undefined {
  const sig = sheetSignature(headers);
  const exact = profiles.filter((p) => p.signature === sig).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (exact) return exact;
  const keys = headers
    .filter((h) => !h.startsWith(EXPORT_COLUMN_PREFIX))
    .map((h) => headerKey(h))
    .sort()
    .join('|');
  return profiles
    .filter((p) => p.columns.map((c) => c.headerKey).sort().join('|') === keys)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** Map the columns of a sheet by a profile, by normalised header (so reordered columns still match). */
export function applyProfile(profile: MappingProfile, headers: string[]): ColumnMapping[] {
  const byKey = new Map<string, MappingProfile['columns'][number][]>();
  for (const c of profile.columns) {
    const list = byKey.get(c.headerKey) ?? [];
    list.push(c);
    byKey.set(c.headerKey, list);
  }
  return headers.map((header, index) => {
    if (header.startsWith(EXPORT_COLUMN_PREFIX)) return { index, header, field: null, ignore: true };
    const list = byKey.get(headerKey(header));
    const c = list?.shift();
    const m: ColumnMapping = { index, header, field: c?.field ?? null };
    if (c?.dateOrder) m.dateOrder = c.dateOrder;
    if (c?.ignore) m.ignore = true;
    return m;
  });
}

/** Save what the person confirmed as a profile for sheets of this shape. */
export function makeProfile(id: string, name: string, headers: string[], mapping: readonly ColumnMapping[], now: number): MappingProfile {
  return {
    id,
    name,
    signature: sheetSignature(headers),
    createdAt: now,
    columns: headers.flatMap((h, i) => {
      if (h.startsWith(EXPORT_COLUMN_PREFIX)) return [];
      const m = mapping.find((x) => x.index === i);
      const col: MappingProfile['columns'][number] = { headerKey: headerKey(h), field: m?.field ?? null };
      if (m?.dateOrder) col.dateOrder = m.dateOrder;
      if (m?.ignore) col.ignore = true;
      return [col];
    }),
  };
}
