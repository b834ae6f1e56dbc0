// Zeek log lines → records, in both of Zeek's formats (https://docs.zeek.org/en/master/log-formats.html):
// - tab-separated ASCII: a header of `#separator`, `#set_separator`, `#empty_field`, `#unset_field`,
//   `#path`, `#fields`, `#types` lines, then one record per line; values escape the separator and
//   non-printable bytes as \xNN; `-` is unset and `(empty)` an empty set;
// - JSON lines (LogAscii::use_json): one object per line, sets as arrays, `ts` as epoch seconds or
//   ISO 8601 (LogAscii::json_timestamps).
// Pure and line-at-a-time: the Node side streams lines in; a whole file is never held. A malformed
// line is counted, never fatal.

/** One log record: field name → text value (sets joined by ','), unset fields absent. */
export type ZeekRecord = Map<string, string>;

export interface ZeekParseStats {
  lines: number;
  records: number;
  malformed: number;
  /** Why lines were malformed (first few kinds, counted). */
  problems: Record<string, number>;
}

const MAX_LINE = 64 * 1024;
const MAX_FIELDS = 512;

function unescapeZeek(s: string): string {
  if (s.indexOf('\\x') < 0) return s;
  return s.replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** "1473078235.244289" or "2016-09-05T12:23:55.244289Z" → ms since the epoch; NaN when neither. */
export function zeekTime(v: string | number | undefined): number {
  if (v === undefined) return NaN;
  if (typeof v === 'number') return v * 1000;
  if (/^\d+(\.\d+)?$/.test(v)) return parseFloat(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? NaN : t;
}

/**
 * Parses one log file's lines. Call line() for each line (without the newline); it returns the
 * record, or undefined for header, blank and malformed lines. `path` is the log type ("conn"),
 * from the #path header or, for JSON, from `_path` or the file name given at construction.
 */
export class ZeekLogParser {
  path: string;
  readonly stats: ZeekParseStats = { lines: 0, records: 0, malformed: 0, problems: {} };
  private format: 'unknown' | 'tsv' | 'json' = 'unknown';
  private sep = '\t';
  private setSep = ',';
  private empty = '(empty)';
  private unset = '-';
  private fields: string[] | null = null;

  constructor(pathFromName: string) {
    this.path = pathFromName;
  }

  private bad(why: string): undefined {
    this.stats.malformed++;
    this.stats.problems[why] = (this.stats.problems[why] ?? 0) + 1;
    return undefined;
  }

  line(raw: string): ZeekRecord | undefined {
    this.stats.lines++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0) return undefined;
    if (line.length > MAX_LINE) return this.bad('line too long');
    const c = line.charCodeAt(0);
    if (c === 35 /* # */) return this.header(line);
    if (c === 123 /* { */ && this.format !== 'tsv') return this.json(line);
    if (this.format === 'tsv' && this.fields) return this.tsv(line);
    return this.bad(this.format === 'unknown' ? 'data before a #fields header' : 'not a log record');
  }

  private header(line: string): undefined {
    if (line.startsWith('#separator')) {
      const v = line.slice('#separator'.length).trim();
      this.sep = unescapeZeek(v) || '\t';
      this.format = 'tsv';
      return undefined;
    }
    const tab = line.indexOf(this.sep);
    const key = tab < 0 ? line : line.slice(0, tab);
    const rest = tab < 0 ? '' : line.slice(tab + this.sep.length);
    switch (key) {
      case '#set_separator':
        this.setSep = unescapeZeek(rest) || ',';
        break;
      case '#empty_field':
        this.empty = rest;
        break;
      case '#unset_field':
        this.unset = rest;
        break;
      case '#path':
        if (rest) this.path = rest;
        break;
      case '#fields': {
        const f = rest.split(this.sep);
        if (f.length > MAX_FIELDS) return this.bad('too many fields');
        this.fields = f;
        this.format = 'tsv';
        break;
      }
      default:
        break; // #types, #open, #close and comments
    }
    return undefined;
  }

  private tsv(line: string): ZeekRecord | undefined {
    const fields = this.fields!;
    const rec: ZeekRecord = new Map();
    let start = 0;
    for (let i = 0; i < fields.length; i++) {
      let end = line.indexOf(this.sep, start);
      if (end < 0) {
        if (i !== fields.length - 1) return this.bad('fewer values than #fields');
        end = line.length;
      }
      const v = line.slice(start, end);
      if (v !== this.unset && v !== this.empty && v !== '') rec.set(fields[i]!, unescapeZeek(v));
      start = end + this.sep.length;
    }
    if (start <= line.length) return this.bad('more values than #fields');
    this.stats.records++;
    return rec;
  }

  private json(line: string): ZeekRecord | undefined {
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      return this.bad('invalid JSON');
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return this.bad('JSON line is not an object');
    this.format = 'json';
    const rec: ZeekRecord = new Map();
    let n = 0;
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (++n > MAX_FIELDS) return this.bad('too many fields');
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') rec.set(k, v);
      else if (typeof v === 'number' || typeof v === 'boolean') rec.set(k, typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v));
      else if (Array.isArray(v)) {
        if (v.length) rec.set(k, v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(this.setSep));
      } else if (typeof v === 'object') {
        // Nested records ("id": {"orig_h": …}) flatten to Zeek's dotted names.
        for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) {
          if (v2 !== null && v2 !== undefined && typeof v2 !== 'object') rec.set(`${k}.${k2}`, String(v2));
        }
      }
    }
    const p = rec.get('_path');
    if (p) this.path = p;
    this.stats.records++;
    return rec;
  }
}

/**
 * The log type from a file name: "conn.log", "conn.00:00:00-01:00:00.log.gz",
 * "dhcp_20240101.log", "conn-2024-01-01.json" → "conn", "dhcp", "conn".
 */
export function logTypeFromName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /^([a-z0-9_]+?)(?:[._-](?:\d|[0-9:T-]+).*)?(?:\.log|\.json|\.ndjson)?(?:\.gz)?$/i.exec(base);
  const t = (m?.[1] ?? base.split('.')[0] ?? '').toLowerCase();
  return t.replace(/_\d+$/, '');
}

const DATE_DIR = /^\d{4}-\d{2}-\d{2}([T_ -].*)?$/;
const GENERIC_DIRS = new Set(['logs', 'log', 'zeek', 'bro', 'current', 'spool', 'nsm', 'archive', 'tmp', '.', '..', '']);

/** Sensor name from a path: the nearest folder that is neither a date nor a generic name. */
export function sensorFromPath(path: string): string {
  const parts = path.split(/[\\/]/).slice(0, -1).filter(Boolean).reverse();
  for (const p of parts) if (!DATE_DIR.test(p) && !GENERIC_DIRS.has(p.toLowerCase())) return p.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
  return 'zeek';
}

/** File names Wardwalk reads as Zeek logs (plain, rotated, gzipped, JSON) or log archives. */
export const ZEEK_LOG_NAME = /\.(log|json|ndjson)(\.gz)?$/i;
export const ZEEK_ARCHIVE_NAME = /\.(tar|tar\.gz|tgz)$/i;
