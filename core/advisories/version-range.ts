// Version ranges as written in CISA ICSMA advisories (CSAF 2.0 product_version / product_version_range
// leaves), parsed into a structured spec and compared with an asset's version.
//
// The dialects seen in the real advisories (test/fixtures/advisories) and handled here:
// - `vers:` URIs (github.com/package-url/purl-spec VERSION-RANGE-SPEC): `vers:all/*`,
//   `vers:generic/>=1.0|<=1.1.1`, `vers:intdot/…`, `vers:semver/…`;
// - CISA's free-text operators: `>= 1.0 | <= 1.1.1`, `<=4.1`, `< B.06.18`, `A.01 <= C.0x | 4.0`;
// - prose: "prior to 5.0", "versions before 3", "2.3.6 and below", "all versions", "X and earlier";
// - wildcards: `11.x`, `12.2.x.x`, `*`;
// - revision letters: "Rev J-M", "Rev. K", `<= K`;
// - dates: "< April 1, 2018", "distributed < april 1, 2018", "<May 2018", "shipped between
//   26-June-2017 through 07-August 2018";
// - lists: "1.2, 1.3", "1.10 | 1.11", "2131 and 2141";
// - leaves that name a product variant (model number, edition) rather than a version:
//   "MMT-512 / MMT-712 Paradigm x12", "882300 Gemini 16 Slice".
// Whatever else is classified `unparsed` with a reason. Nothing here throws.
//
// The one rule that matters most: never answer 'affected' for a version outside the range. When two
// versions cannot be ordered (different shapes: "4.1" vs "R4.1L1"), the answer is 'unknown'.

export type Seg = number | string;

/** A version as ordered segments; `wild` is the index of an `x`/`*` segment (prefix match). */
export interface VersionValue {
  text: string;
  segs: Seg[];
  wild?: number;
}

/** A calendar span in days since 1970-01-01 ("May 2018" spans May 1 to May 31). */
export interface DateValue {
  text: string;
  start: number;
  end: number;
}

/** '!=' (vers: "excluded version") takes a version out of the ranges beside it. */
export type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface VersionConstraint {
  op: Op;
  value: VersionValue;
}
export interface DateConstraint {
  op: Op;
  value: DateValue;
}

export type VersionSpec =
  | { kind: 'all'; text: string; qualifier?: string }
  | { kind: 'versions'; text: string; constraints: VersionConstraint[]; qualifier?: string }
  | { kind: 'dates'; text: string; constraints: DateConstraint[]; what: string; qualifier?: string }
  | { kind: 'variant'; text: string; variant: string; qualifier?: string }
  | { kind: 'unparsed'; text: string; reason: string };

export type VersionVerdict = 'affected' | 'not-affected' | 'unknown';

export interface VersionCheck {
  verdict: VersionVerdict;
  reason: string;
  /** An extra condition the advisory attaches ("with Wireless Battery Modules v17…"), not checked. */
  condition?: string;
}

const MAX_TEXT = 400;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

// ---------------------------------------------------------------------------------------------
// Versions

/** Words that decorate a version without being part of it. */
const VERSION_NOISE = /\b(?:software|sw|firmware|fw|versions?|ver\.?|releases?|revisions?|rev\.?)\b/gi;

/** Split a version into numeric and alphabetic segments: "B.06.18" → ['b', 6, 18]; "11.x" → [11, '*']. */
export function parseVersion(text: string): VersionValue | undefined {
  const raw = text.trim().slice(0, MAX_TEXT);
  let t = raw.toLowerCase().replace(VERSION_NOISE, ' ').trim();
  t = t.replace(/^v(?=\d)/, '');
  if (!t) return undefined;
  if (!/^[a-z0-9][a-z0-9.\-_ /*]*$/.test(t)) return undefined;
  const segs: Seg[] = [];
  let wild: number | undefined;
  for (const part of t.split(/[.\-_ /]+/)) {
    if (!part) continue;
    if (part === 'x' || part === '*') {
      if (wild === undefined) wild = segs.length;
      segs.push('*');
      continue;
    }
    const pieces = part.match(/\d+|[a-z]+|\*/g);
    if (!pieces) continue;
    for (const p of pieces) {
      if (p === '*') {
        if (wild === undefined) wild = segs.length;
        segs.push('*');
      } else if (/^\d+$/.test(p)) segs.push(p.length > 15 ? Number(p.slice(0, 15)) : Number(p));
      else segs.push(p);
    }
  }
  if (!segs.length || segs.length > 24) return undefined;
  return wild === undefined ? { text: raw, segs } : { text: raw, segs, wild };
}

/**
 * Order two versions. Returns -1/0/1, or undefined when they cannot be ordered (a number against
 * letters at the same place). `loose` is true when the answer relied on one being a prefix of the
 * other with letters following ("2.6" vs "2.6A"): fine for ≤/≥, not proof of equality.
 */
export function compareVersions(a: VersionValue, b: VersionValue): { c: -1 | 0 | 1; loose: boolean } | undefined {
  const n = Math.max(a.segs.length, b.segs.length);
  for (let i = 0; i < n; i++) {
    if (a.wild !== undefined && i >= a.wild) return { c: 0, loose: false };
    if (b.wild !== undefined && i >= b.wild) return { c: 0, loose: false };
    const x = a.segs[i];
    const y = b.segs[i];
    if (x === undefined || y === undefined) {
      const other = (x ?? y)!;
      if (typeof other === 'number') {
        if (other === 0) continue; // 1.0 == 1.0.0
        return { c: x === undefined ? -1 : 1, loose: false };
      }
      // "2.6" < "2.6A", "1.3.1" < "1.3.1 build 13": conventional, but not proof of anything exact.
      return { c: x === undefined ? -1 : 1, loose: true };
    }
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return { c: x < y ? -1 : 1, loose: false };
      continue;
    }
    if (typeof x === 'string' && typeof y === 'string') {
      if (x !== y) {
        // Letter revisions of different lengths ("bt" vs "b") are different families, not ordered.
        if (x.length !== y.length && i === 0) return undefined;
        return { c: x < y ? -1 : 1, loose: false };
      }
      continue;
    }
    return undefined;
  }
  return { c: 0, loose: false };
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
function days(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parse one date phrase into the span it names, or undefined. */
export function parseDate(text: string): DateValue | undefined {
  const raw = text.trim();
  const t = raw.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  let m: RegExpMatchArray | null;
  const ok = (y: number, mo: number, d?: number): DateValue | undefined => {
    if (y < 1970 || y > 2100 || mo < 1 || mo > 12) return undefined;
    if (d !== undefined) {
      if (d < 1 || d > daysInMonth(y, mo)) return undefined;
      const x = days(y, mo, d);
      return { text: raw, start: x, end: x };
    }
    return { text: raw, start: days(y, mo, 1), end: days(y, mo, daysInMonth(y, mo)) };
  };
  // "july 1 2017", "april 1 2018"
  if ((m = t.match(new RegExp(`^(${MONTH_RE}) (\\d{1,2}) (\\d{4})$`)))) return ok(+m[3]!, MONTHS[m[1]!]!, +m[2]!);
  // "26-june-2017", "07-august 2018", "1 april 2018"
  if ((m = t.match(new RegExp(`^(\\d{1,2})[- ](${MONTH_RE})[- ](\\d{4})$`)))) return ok(+m[3]!, MONTHS[m[2]!]!, +m[1]!);
  // "may 2018", "august-2018"
  if ((m = t.match(new RegExp(`^(${MONTH_RE})[- ](\\d{4})$`)))) return ok(+m[2]!, MONTHS[m[1]!]!);
  // ISO "2018-04-01", "2019-03"
  if ((m = t.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return ok(+m[1]!, +m[2]!, +m[3]!);
  if ((m = t.match(/^(\d{4})-(0[1-9]|1[0-2])$/))) return ok(+m[1]!, +m[2]!);
  // a bare year "2016"
  if ((m = t.match(/^(\d{4})$/))) {
    const y = +m[1]!;
    if (y < 1970 || y > 2100) return undefined;
    return { text: raw, start: days(y, 1, 1), end: days(y, 12, 31) };
  }
  return undefined;
}

/** ISO text of a day number. */
export function isoDay(d: number): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

function looksLikeDate(t: string): boolean {
  return new RegExp(`\\b${MONTH_RE}\\b`, 'i').test(t) || /(^|\s|[<>=])\d{4}-(0[1-9]|1[0-2])(-\d{2})?\s*$/.test(t);
}

// ---------------------------------------------------------------------------------------------
// Parsing a spec

export interface SpecContext {
  /** 'product_version' (a value or list) or 'product_version_range' (constraints). */
  category?: string;
  /** The product_name branch the leaf sits under. */
  productName?: string;
  /** The leaf's full product name ("Alaris PC Unit: Versions 9.13 9.19…"). */
  fullName?: string;
}

function unparsed(text: string, reason: string): VersionSpec {
  return { kind: 'unparsed', text, reason };
}

/** Take trailing or embedded parenthesised notes out: "<= 1.54 (integrated into GE MobileLink)". */
function splitQualifier(t: string): { core: string; qualifier?: string } {
  const notes: string[] = [];
  let core = t;
  // balanced-ish: remove (...) groups, innermost first, at most a few times
  for (let i = 0; i < 4; i++) {
    const m = core.match(/\(([^()]*)\)/);
    if (!m) break;
    notes.push(m[1]!.trim());
    core = (core.slice(0, m.index) + ' ' + core.slice(m.index! + m[0].length)).trim();
  }
  // an unbalanced "(" left over: everything after it is a note
  const open = core.indexOf('(');
  if (open >= 0) {
    notes.push(core.slice(open + 1).replace(/\)/g, '').trim());
    core = core.slice(0, open).trim();
  }
  core = core.replace(/\s+/g, ' ').trim();
  const q = notes.filter(Boolean).join('; ');
  return q ? { core, qualifier: q } : { core };
}

/** One operator clause "<= 2.3", ">=BT02", "< 012U000040"; undefined when it is not one. */
function parseOpClause(s: string): { op: Op; rest: string } | undefined {
  const m = s.trim().match(/^(<=|>=|==|!=|=<|=>|<|>|=)\s*(.+)$/);
  if (!m) return undefined;
  let op = m[1]! as string;
  if (op === '==') op = '=';
  if (op === '=<') op = '<=';
  if (op === '=>') op = '>=';
  return { op: op as Op, rest: m[2]!.trim() };
}

function tooManyWords(s: string): boolean {
  return s.split(/\s+/).length > 4;
}

/** Words that mark a leaf as naming a product variant rather than a version. */
const VARIANT_WORDS = /\b(edition|model|models|pump|paradigm|minimed|gemini|slice|monitor|unit|units|base|handheld|windows|operating system|udi|ndc|reorder|product id|pack|accu-chek|coaguchek|cobas|carestation|truflight|avance|amingo|protiva)\b/i;

function isVersionish(s: string): boolean {
  const t = s.trim();
  if (!t) return false;
  // 1.2.3, 2.6A, B.06.18, 11.x, 12.2.x.x, v6.x, R4.1L1, BT03, SV20.1, D25, K, 5.89.05b, 6.3V1L10,
  // 4.20 SR1, 1.3.1 Build 13, 1.8.4 Service Pack 01, LPI 3.5.12.P30, 012U000040
  return /^(v?\d+(\.[0-9a-z*]+)*[a-z]?\d*|[a-z]{1,3}\.?\d+(\.[0-9a-z]+)*[a-z]?\d*|[a-z]|[a-z]\.\d+(\.\d+)*|\d+(\.\d+)*[a-z]+\d+(\.\d+)*|[a-z]{1,4} ?[a-z]?\.?\d+(\.[0-9a-z]+)*|\d+[a-z]\d+)((\s+(sr|mr|sp|build|service pack|hotfix|patch|update|p)\s*\d+)|\s+mr\s+build\s+\d+)*$/i.test(
    t,
  );
}

function toValue(s: string, permissive = false): VersionValue | undefined {
  const t = s.trim();
  if (isVersionish(t) || /^\d{4}-\d{1,2}$/.test(t)) return parseVersion(t);
  // After an operator anything shaped like one version token is taken: "CMS7.820.075.08/0.740.75",
  // "smart3250-2.6.27-wlan2.1.7.cramfs", "5.17.1-754993421"; two short tokens too: "S4 A.07.107".
  if (permissive && t.length <= 48 && /\d/.test(t)) {
    const words = t.split(' ');
    if (words.length === 1 && /^[a-z0-9][a-z0-9._/-]*$/i.test(t)) return parseVersion(t); // also "GEH-1.1"
    if (words.length === 2 && words.every((w) => isVersionish(w))) return parseVersion(t);
  }
  return undefined;
}

/**
 * Parse a version leaf. `ctx.category` is 'product_version_range' for constraints, 'product_version'
 * for values (lists allowed). Never throws; whatever is not understood comes back `unparsed`.
 */
export function parseVersionSpec(input: unknown, ctx: SpecContext = {}): VersionSpec {
  if (typeof input !== 'string') return unparsed(String(input ?? ''), 'not text');
  const text = input.slice(0, MAX_TEXT);
  const raw = text.replace(/\s+/g, ' ').trim();
  if (!raw) return unparsed(text, 'empty');
  try {
    return parseSpecInner(text, raw, ctx);
  } catch {
    return unparsed(text, 'internal parse error');
  }
}

function parseSpecInner(text: string, raw: string, ctx: SpecContext): VersionSpec {
  let t = raw;
  // vers: URIs
  const vers = t.match(/^vers:([a-z0-9.+-]+)\/(.*)$/i);
  if (vers) {
    const body = vers[2]!.trim();
    if (body === '*' || body === '') return { kind: 'all', text };
    t = body;
  }
  // Dates first, before parenthesised notes are taken out: "with wireless option (shipped between
  // 26-June-2017 through 07-August 2018)". A month inside a note ("(end-of-life Nov 2017)") is not a range.
  if (looksLikeDate(t) && (/\b(shipped|distributed|manufactured|produced|sold|between)\b/i.test(t) || new RegExp(`^(<=|>=|<|>|prior to|before)\\s*(${MONTH_RE}|\\d{4}-(0[1-9]|1[0-2])(-\\d{2})?$)`, 'i').test(t))) {
    return parseDateSpec(text, t.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim(), undefined);
  }
  const { core, qualifier } = splitQualifier(t);
  let c = core.replace(/^\|\s*|\s*\|$/g, '').trim();
  let qual = qualifier;
  // "<=11.2 on Windows 8.1 with IIS 7.5": the platform is a condition, not part of the version
  const on = c.match(/^(.*?\d[^\s]*)\s+(on|with|running|for|in)\s+(.+)$/i);
  if (on && !/^(between|from)\b/i.test(c)) {
    c = on[1]!.trim();
    qual = [`${on[2]!} ${on[3]!}`, qual].filter(Boolean).join('; ');
  }
  // "Version A, Firmware A.03.09[, Part #: …]": the firmware is what an asset records
  const fw = c.match(/^version\s+([a-z0-9.]+),\s*firmware\s+([a-z0-9.]+)(?:,\s*part\s*#:?\s*(.*))?$/i);
  if (fw && toValue(fw[2]!)) {
    const note = [`hardware version ${fw[1]!}`, fw[3] ? `part ${fw[3]}` : '', qual].filter(Boolean).join('; ');
    return { kind: 'versions', text, constraints: [{ op: '=', value: toValue(fw[2]!)! }], qualifier: note };
  }
  const q: { qualifier?: string } = qual ? { qualifier: qual } : {};
  if (!c) {
    // the whole leaf was a parenthesised note: "(Release 1.3.2 1.4.0 1.4.1 1.4.3 1.4.5)"
    c = (qualifier ?? '').replace(VERSION_NOISE, ' ').replace(/\s+/g, ' ').trim();
    delete q.qualifier;
  }
  const lower = c.toLowerCase();

  // "1.3.2 1.4.0 1.4.1": a space-separated list of dotted versions
  const spaced = c.replace(VERSION_NOISE, ' ').trim().split(/\s+/);
  if (spaced.length >= 2 && spaced.every((w) => /^\d+(\.\d+)+$/.test(w))) {
    return { kind: 'versions', text, constraints: spaced.map((w) => ({ op: '=' as const, value: parseVersion(w)! })), ...q };
  }

  // all versions
  if (/^(\*|all|all versions?|any|any versions?|every version)$/.test(lower)) return { kind: 'all', text, ...q };
  const allPrefix = lower.match(/^(?:\*|all versions?)\s+(.+)$/);
  if (allPrefix) return { kind: 'all', text, qualifier: [allPrefix[1]!, qualifier].filter(Boolean).join('; ') };

  // dates: "< april 1, 2018", "distributed < april 1, 2018", "shipped between X through Y"
  if (looksLikeDate(c)) return parseDateSpec(text, c, qualifier);

  // "X model Y": a version of one model ("v8.x model 35700BAX2")
  const modelOf = c.match(/^(.+?)\s+models?\s+(.+)$/i);
  if (modelOf && toValue(modelOf[1]!)) {
    const v = toValue(modelOf[1]!)!;
    return { kind: 'versions', text, constraints: [{ op: '=', value: v }], qualifier: ['model ' + modelOf[2]!, qualifier].filter(Boolean).join('; ') };
  }

  // revision letter ranges: "Rev J-M", "Rev. B-M", "Rev K"
  const rev = c.match(/^rev(?:ision)?s?\.?\s*([a-z])\s*(?:-|to|through)\s*([a-z])$/i);
  if (rev) {
    return {
      kind: 'versions',
      text,
      constraints: [
        { op: '>=', value: parseVersion(rev[1]!)! },
        { op: '<=', value: parseVersion(rev[2]!)! },
      ],
      ...q,
    };
  }
  const rev1 = c.match(/^rev(?:ision)?\.?\s*([a-z0-9.]+)$/i);
  if (rev1) return { kind: 'versions', text, constraints: [{ op: '=', value: parseVersion(rev1[1]!)! }], ...q };

  // prose forms
  const prose = parseProse(c);
  if (prose) return { kind: 'versions', text, constraints: prose, ...q };

  // operator clauses joined by '|' (CISA) — also "A.01 <= C.0x" (between) and "X < Y"
  const parts = c.split(/\s*\|\s*/).filter((p) => p.length > 0);
  const constraints: VersionConstraint[] = [];
  let sawOp = false;
  for (const p of parts) {
    const between = p.match(/^(\S+)\s*(<=|<)\s*(\S+)$/);
    const cl = parseOpClause(p);
    if (cl) {
      sawOp = true;
      const v = toValue(cl.rest, true);
      if (!v) return unparsed(text, `cannot read '${cl.rest}' as a version`);
      constraints.push({ op: cl.op, value: v });
    } else if (between && toValue(between[1]!) && toValue(between[3]!)) {
      sawOp = true;
      constraints.push({ op: '>=', value: toValue(between[1]!)! });
      constraints.push({ op: between[2] as Op, value: toValue(between[3]!)! });
    } else {
      // a list value, possibly "1.2, 1.3" or "2131 and 2141"
      const items = p.split(/\s*(?:,|\band\b|\bor\b|&|\s\/\s)\s*/i).filter(Boolean);
      for (const it of items) {
        const v = toValue(it);
        if (!v) {
          if (sawOp) return unparsed(text, `cannot read '${it}' as a version`);
          return classifyNonVersion(text, c, ctx, qual);
        }
        constraints.push({ op: '=', value: v });
      }
    }
  }
  if (!constraints.length) return classifyNonVersion(text, c, ctx, qual);
  // A list of bare numbers under a product that says "Model(s)" names models, not versions.
  // So do bare three-plus digit numbers ("620 | 650 | 650c") and letter+digits part numbers ("A51200")
  // given as a product_version.
  const modelish = ctx.category === 'product_version' && parts.length > 0 && c.split(/\s*(?:\||,|\band\b)\s*/i).every((w) => /^\d{3,}[a-z]?$/i.test(w) || /^[a-z]{1,2}\d{4,}$/i.test(w));
  if (!sawOp && (modelish || (constraints.every((k) => k.value.segs.length === 1 && typeof k.value.segs[0] === 'number') && isModelContext(c, ctx)))) {
    return { kind: 'variant', text, variant: c, ...q };
  }
  return { kind: 'versions', text, constraints, ...q };
}

function isModelContext(c: string, ctx: SpecContext): boolean {
  const full = `${ctx.fullName ?? ''} ${ctx.productName ?? ''}`;
  if (/\bmodels?\b/i.test(full)) return true;
  // a value that is also spelled in the product name ("… Model 3120" / "3120") names the model
  const nums = c.match(/\d{3,}/g) ?? [];
  if (nums.length && nums.every((n) => (ctx.productName ?? '').includes(n))) return true;
  // bare integers of four or more digits as a product_version are model / part numbers
  if (ctx.category === 'product_version' && nums.length && nums.every((n) => n.length >= 4) && !/\./.test(c)) return true;
  return false;
}

/** "prior to 5.0", "versions before 3", "2.3.6 and below", "up to 4.1", "4.0 and later". */
function parseProse(c: string): VersionConstraint[] | undefined {
  const t = c.toLowerCase().replace(VERSION_NOISE, ' ').replace(/\s+/g, ' ').trim();
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(?:all )?(?:prior to|before|earlier than|older than|below|lower than|less than)\s+(.+)$/))) {
    const v = toValue(m[1]!);
    return v ? [{ op: '<', value: v }] : undefined;
  }
  if ((m = t.match(/^(?:up to(?: and including)?|through|until)\s+(.+)$/))) {
    const v = toValue(m[1]!);
    return v ? [{ op: '<=', value: v }] : undefined;
  }
  if ((m = t.match(/^(.+?)\s+(?:and|or|&)\s+(?:earlier|below|prior|lower|older|before)$/))) {
    const v = toValue(m[1]!);
    return v ? [{ op: '<=', value: v }] : undefined;
  }
  if ((m = t.match(/^(.+?)\s+(?:and|or|&)\s+(?:later|above|newer|higher|after)$/)) || (m = t.match(/^(?:from|since|after)\s+(.+)$/))) {
    const v = toValue(m[1]!);
    return v ? [{ op: '>=', value: v }] : undefined;
  }
  if ((m = t.match(/^(.+?)\s+(?:to|through|-)\s+(.+)$/))) {
    const a = toValue(m[1]!);
    const b = toValue(m[2]!);
    return a && b ? [{ op: '>=', value: a }, { op: '<=', value: b }] : undefined;
  }
  return undefined;
}

function parseDateSpec(text: string, c: string, qualifier: string | undefined): VersionSpec {
  let t = c.replace(/\s+/g, ' ').trim();
  let what = 'released';
  const w = t.match(/\b(distributed|shipped|manufactured|sold|released|installed|produced)\b/i);
  if (w) what = w[1]!.toLowerCase();
  const extra: string[] = [];
  // "with wireless option shipped between …": keep the leading condition as a qualifier
  const lead = t.match(/^(.*?)\b(?:manufactured and distributed|distributed|shipped|manufactured|sold|released|produced)\b\s*(.*)$/i);
  if (lead) {
    if (lead[1]!.trim()) extra.push(lead[1]!.trim().replace(/,$/, ''));
    t = lead[2]!.trim();
  }
  const q = [...extra, qualifier].filter(Boolean).join('; ');
  const withQ = q ? { qualifier: q } : {};
  let m: RegExpMatchArray | null;
  const cons: DateConstraint[] = [];
  if ((m = t.match(/^(?:between|from)\s+(.+?)\s+(?:through|to|and|until|-)\s+(.+)$/i)) || (m = t.match(/^between\s+(\d{4})\s*-\s*(.+)$/i))) {
    const a = parseDate(m[1]!);
    const b = parseDate(m[2]!);
    if (!a || !b) return unparsed(text, `cannot read the dates in '${t}'`);
    cons.push({ op: '>=', value: a }, { op: '<=', value: b });
    return { kind: 'dates', text, constraints: cons, what, ...withQ };
  }
  // "Windows 10 … U.S. and Malaysian Releases, between November 2017 and November 2018"
  const mid = t.match(/^(.*?),?\s*between\s+(.+?)\s+(?:through|to|and|until)\s+(.+)$/i);
  if (mid) {
    const a = parseDate(mid[2]!);
    const b = parseDate(mid[3]!);
    if (!a || !b) return unparsed(text, `cannot read the dates in '${t}'`);
    const q2 = [mid[1]!.trim(), q].filter(Boolean).join('; ');
    return { kind: 'dates', text, constraints: [{ op: '>=', value: a }, { op: '<=', value: b }], what, ...(q2 ? { qualifier: q2 } : {}) };
  }
  const proseBefore = t.match(/^(?:prior to|before)\s+(.+)$/i);
  const parts = proseBefore ? ['< ' + proseBefore[1]!] : t.split(/\s*\|\s*/);
  for (const p of parts) {
    const cl = parseOpClause(p);
    if (!cl) return unparsed(text, `date text without a comparison: '${p}'`);
    const d = parseDate(cl.rest);
    if (!d) {
      if (new RegExp(`^${MONTH_RE}\\s+\\d{1,2}$`, 'i').test(cl.rest.trim())) return unparsed(text, `date without a year: '${cl.rest}'`);
      return unparsed(text, `cannot read '${cl.rest}' as a date`);
    }
    cons.push({ op: cl.op, value: d });
  }
  return { kind: 'dates', text, constraints: cons, what, ...withQ };
}

function classifyNonVersion(text: string, c: string, ctx: SpecContext, qualifier: string | undefined): VersionSpec {
  const q = qualifier ? { qualifier } : {};
  if (VARIANT_WORDS.test(c) || /\b[a-z]{2,}-\d{2,}/i.test(c) || /\b[a-z]{2,}-[a-z]{2,}\b/i.test(c) || /^\d{3,}\s+[a-z]{2,}\b/i.test(c) || /\b\d{4,}\b/.test(c) || /^[a-z]{2,4}\s?\d{1,3}$/i.test(c) || isModelContext(c, ctx)) {
    return { kind: 'variant', text, variant: c, ...q };
  }
  if (/^[a-z][a-z -]+$/i.test(c) && !tooManyWords(c)) return { kind: 'variant', text, variant: c, ...q };
  if (/\bfirmware\b.*\bpart\b|\bpart\s*#/i.test(c)) return unparsed(text, 'mixes hardware version, firmware and part number');
  return unparsed(text, 'no version, range or model pattern recognised');
}

// ---------------------------------------------------------------------------------------------
// Evaluating

function holds(c: -1 | 0 | 1, op: Op): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/** Intervals from constraints in written order: a lower bound followed by an upper bound pairs up. */
function intervals<T>(cs: { op: Op; value: T }[]): { lo?: { op: Op; value: T }; hi?: { op: Op; value: T }; eq?: T }[] {
  const out: { lo?: { op: Op; value: T }; hi?: { op: Op; value: T }; eq?: T }[] = [];
  for (let i = 0; i < cs.length; i++) {
    const k = cs[i]!;
    if (k.op === '=') out.push({ eq: k.value });
    else if (k.op === '>' || k.op === '>=') {
      const next = cs[i + 1];
      if (next && (next.op === '<' || next.op === '<=')) {
        out.push({ lo: k, hi: next });
        i++;
      } else out.push({ lo: k });
    } else out.push({ hi: k });
  }
  return out;
}

const described = new WeakMap<VersionSpec, string>();

/** Short text of a spec ("<=9.33", ">=J|<=M", "all versions"); memoised per spec object. */
export function describeSpec(spec: VersionSpec): string {
  let d = described.get(spec);
  if (d === undefined) {
    d = describeSpecInner(spec);
    described.set(spec, d);
  }
  return d;
}

function describeSpecInner(spec: VersionSpec): string {
  switch (spec.kind) {
    case 'all':
      return 'all versions';
    case 'variant':
      return `variant '${spec.variant}' (all versions)`;
    case 'unparsed':
      return `unparsed '${spec.text}'`;
    case 'versions':
      return spec.constraints.map((k) => (k.op === '=' ? k.value.text : `${k.op}${k.value.text}`)).join('|');
    case 'dates':
      return `${spec.what} ${spec.constraints.map((k) => `${k.op}${isoDay(k.op === '<' || k.op === '>=' ? k.value.start : k.value.end)}`).join('|')}`;
  }
}

export interface AssetVersionFacts {
  /** The asset's software/firmware version text, when known. */
  version?: string;
  /** ISO install date, used only for "distributed/shipped before" date ranges. */
  installDate?: string;
}

/**
 * Is this asset version inside the spec? 'unknown' when the asset has no version, the spec is
 * unparsed, or the two cannot be ordered. Never 'affected' for a version outside the range.
 */
export function checkVersion(spec: VersionSpec, facts: AssetVersionFacts): VersionCheck {
  const cond = 'qualifier' in spec && spec.qualifier ? { condition: spec.qualifier } : {};
  const shown = describeSpec(spec);
  switch (spec.kind) {
    case 'unparsed':
      return { verdict: 'unknown', reason: `version range not understood ('${spec.text}': ${spec.reason})` };
    case 'all':
      return { verdict: 'affected', reason: 'all versions are affected', ...cond };
    case 'variant':
      return { verdict: 'affected', reason: `all versions of '${spec.variant}'`, ...cond };
    case 'dates':
      return checkDates(spec, facts, cond);
    case 'versions': {
      const vt = facts.version?.trim();
      if (!vt) return { verdict: 'unknown', reason: `asset has no version; affected range is ${shown}`, ...cond };
      const v = parseVersion(vt);
      if (!v) return { verdict: 'unknown', reason: `cannot read asset version '${vt}'`, ...cond };
      let unsure: string | undefined;
      for (const k of spec.constraints) {
        if (k.op !== '!=') continue;
        const r = compareVersions(v, k.value);
        if (r && r.c === 0 && !r.loose) return { verdict: 'not-affected', reason: `version ${vt} is excluded (${shown})` };
      }
      for (const iv of intervals(spec.constraints.filter((k) => k.op !== '!='))) {
        if (iv.eq) {
          const r = compareVersions(v, iv.eq);
          if (!r) {
            unsure ??= `'${vt}' and '${iv.eq.text}' cannot be ordered`;
            continue;
          }
          if (r.c === 0) return { verdict: 'affected', reason: `version ${vt} is listed (${shown})`, ...cond };
          if (r.loose) unsure ??= `'${vt}' and '${iv.eq.text}' differ only in a suffix`;
          continue;
        }
        let inside = true;
        let undecided = false;
        for (const b of [iv.lo, iv.hi]) {
          if (!b) continue;
          const r = compareVersions(v, b.value);
          if (!r) {
            undecided = true;
            unsure ??= `'${vt}' and '${b.value.text}' cannot be ordered`;
            continue;
          }
          if (!holds(r.c, b.op)) inside = false;
        }
        if (inside && !undecided) return { verdict: 'affected', reason: `version ${vt} within ${shown}`, ...cond };
      }
      if (unsure) return { verdict: 'unknown', reason: `${unsure} (range ${shown})`, ...cond };
      return { verdict: 'not-affected', reason: `version ${vt} outside ${shown}` };
    }
  }
}

function checkDates(spec: Extract<VersionSpec, { kind: 'dates' }>, facts: AssetVersionFacts, cond: { condition?: string }): VersionCheck {
  const shown = describeSpec(spec);
  // Only an upper bound can be proven from an install date: a unit installed before the bound was
  // necessarily shipped before it. Anything else needs the unit's ship/manufacture date.
  const d = facts.installDate ? parseDate(facts.installDate.slice(0, 10)) : undefined;
  const uppers = spec.constraints.filter((k) => k.op === '<' || k.op === '<=');
  const lowers = spec.constraints.filter((k) => k.op === '>' || k.op === '>=');
  if (d && uppers.length && !lowers.length) {
    const inside = uppers.every((k) => (k.op === '<' ? d.end < k.value.start : d.end <= k.value.end));
    if (inside) return { verdict: 'affected', reason: `installed ${isoDay(d.start)}, so ${spec.what} before the bound (${shown})`, ...cond };
  }
  return { verdict: 'unknown', reason: `affected range is by date (${shown}); check the unit's ${spec.what} date`, ...cond };
}

/**
 * A version written into a product name ("Xeleris 3.1", "IntelliSpace Portal 8.0.x", "eNTEGRA
 * 2.0/2.5 Processing and Review Workstation"): dotted numbers standing alone, outside parentheses.
 * "1.5T" (a field strength) and model numbers without a dot are not versions.
 */
export function versionFromProductName(name: string): VersionSpec | undefined {
  const outside = name.slice(0, MAX_TEXT).replace(/\([^)]*\)?/g, ' ');
  const m = outside.match(/(?:^|\s)v?(\d+\.(?:\d+|x)(?:\.(?:\d+|x))*)((?:\/\d+\.\d+)*)(?=\s|$)/i);
  if (!m) return undefined;
  const values = [m[1]!, ...m[2]!.split('/').filter(Boolean)].map((t) => parseVersion(t)).filter((x): x is VersionValue => !!x);
  if (!values.length) return undefined;
  return { kind: 'versions', text: m[0].trim(), constraints: values.map((value) => ({ op: '=' as const, value })), qualifier: 'version taken from the product name' };
}

/** True when the spec was understood (anything but `unparsed`). */
export function isParsed(spec: VersionSpec): boolean {
  return spec.kind !== 'unparsed';
}
