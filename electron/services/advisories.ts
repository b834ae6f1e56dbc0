// Importing CSAF advisories from disk: one .json file, a folder (recursively), or an archive (.zip,
// .tar, .tar.gz / .tgz, or a single gzipped .json.gz). Sizes are bounded at every step: the file,
// the archive's declared and actual expansion, the number of entries. Reading is here; parsing and
// the revision rules are core's (core/advisories/csaf.ts). Errors are values in `problems`.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import type { Advisory, Superseded } from '../../core/advisories/csaf';
import { MAX_CSAF_BYTES, mergeRevisions, parseCsafText } from '../../core/advisories/csaf';
import { readCentralDirectory, ZipRefused } from './spreadsheet/zip-guard';

export interface AdvisoryImportLimits {
  /** Largest input file (archive or JSON) read. */
  maxFileBytes: number;
  /** Largest single advisory JSON. */
  maxJsonBytes: number;
  /** Total bytes expanded from archives. */
  maxExpandedBytes: number;
  maxEntries: number;
  maxDepth: number;
}

export const DEFAULT_ADVISORY_LIMITS: AdvisoryImportLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxJsonBytes: MAX_CSAF_BYTES,
  maxExpandedBytes: 1024 * 1024 * 1024,
  maxEntries: 50_000,
  maxDepth: 8,
};

export interface AdvisoryImportProblem {
  source: string;
  error: string;
}

export interface AdvisoryImportResult {
  advisories: Advisory[];
  superseded: Superseded[];
  problems: AdvisoryImportProblem[];
  /** JSON documents read (before revision merging). */
  documents: number;
}

class Budget {
  expanded = 0;
  entries = 0;
  constructor(readonly limits: AdvisoryImportLimits) {}
  take(bytes: number, what: string): void {
    this.expanded += bytes;
    this.entries++;
    if (this.entries > this.limits.maxEntries) throw new ZipRefused(`more than ${this.limits.maxEntries} files: refused`);
    if (this.expanded > this.limits.maxExpandedBytes) throw new ZipRefused(`${what}: archives expand beyond ${this.limits.maxExpandedBytes} bytes: refused as a possible archive bomb`);
  }
}

const isJson = (n: string) => /\.json$/i.test(n);
const isTar = (n: string) => /\.tar$/i.test(n);
const isTgz = (n: string) => /\.(tar\.gz|tgz)$/i.test(n);
const isZip = (n: string) => /\.zip$/i.test(n);
const isJsonGz = (n: string) => /\.json\.gz$/i.test(n);

interface Sink {
  budget: Budget;
  limits: AdvisoryImportLimits;
  takeJson: (text: string, source: string) => void;
  problems: AdvisoryImportProblem[];
}

function newSink(limits: Partial<AdvisoryImportLimits>): Sink & { docs: Advisory[]; documents: () => number } {
  const L = { ...DEFAULT_ADVISORY_LIMITS, ...limits };
  const docs: Advisory[] = [];
  const problems: AdvisoryImportProblem[] = [];
  let documents = 0;
  return {
    budget: new Budget(L),
    limits: L,
    problems,
    docs,
    documents: () => documents,
    takeJson: (text, source) => {
      documents++;
      const r = parseCsafText(text, source);
      if (r.ok) docs.push(r.advisory);
      else problems.push({ source, error: r.error });
    },
  };
}

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(b);

/** One file's bytes, dispatched by its name: .json, .zip, .tar, .tar.gz / .tgz, .json.gz. */
function takeBytes(name: string, bytes: Uint8Array, sink: Sink): void {
  const { budget, limits: L, takeJson, problems } = sink;
  try {
    if (bytes.length > L.maxFileBytes) throw new ZipRefused(`file of ${bytes.length} bytes is over the ${L.maxFileBytes}-byte limit`);
    if (isJsonGz(name)) takeJson(decode(gunzipBounded(bytes, budget, L, name)), name.replace(/\.gz$/i, ''));
    else if (isJson(name)) {
      if (bytes.length > L.maxJsonBytes) throw new ZipRefused(`advisory of ${bytes.length} bytes is over the ${L.maxJsonBytes}-byte limit`);
      budget.take(0, name);
      takeJson(decode(bytes), name);
    } else if (isZip(name)) readZip(bytes, name, budget, L, takeJson, problems, decode);
    else if (isTgz(name)) readTar(gunzipBounded(bytes, budget, L, name), name, budget, L, takeJson, problems, decode);
    else if (isTar(name)) readTar(bytes, name, budget, L, takeJson, problems, decode);
    else problems.push({ source: name, error: `not an advisory file (${extname(name) || 'no extension'}): expected .json, .zip, .tar, .tar.gz` });
  } catch (e) {
    problems.push({ source: name, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Advisories from bytes the person dropped on the window (no path involved). */
export function importAdvisoryBytes(fileName: string, bytes: Uint8Array, existing: readonly Advisory[] = [], limits: Partial<AdvisoryImportLimits> = {}): AdvisoryImportResult {
  const sink = newSink(limits);
  takeBytes(basename(fileName), bytes, sink);
  const merged = mergeRevisions(existing, sink.docs);
  return { advisories: merged.advisories, superseded: merged.superseded, problems: sink.problems, documents: sink.documents() };
}

/** Read advisories from files, folders and archives; newer revisions replace older ones. */
export async function importAdvisories(paths: readonly string[], existing: readonly Advisory[] = [], limits: Partial<AdvisoryImportLimits> = {}): Promise<AdvisoryImportResult> {
  const sink = newSink(limits);
  const L = sink.limits;
  const problems = sink.problems;
  const visit = async (p: string, depth: number): Promise<void> => {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      problems.push({ source: p, error: `cannot read: ${(e as Error).message}` });
      return;
    }
    if (st.isDirectory()) {
      if (depth >= L.maxDepth) {
        problems.push({ source: p, error: 'folder nesting too deep; skipped' });
        return;
      }
      const names = (await readdir(p)).sort();
      for (const n of names) {
        const child = join(p, n);
        if (n.startsWith('.')) continue;
        const cst = await stat(child).catch(() => undefined);
        if (cst?.isDirectory() || isJson(n) || isZip(n) || isTar(n) || isTgz(n) || isJsonGz(n)) await visit(child, depth + 1);
      }
      return;
    }
    if (!st.isFile()) return;
    if (st.size > L.maxFileBytes) {
      problems.push({ source: p, error: `file of ${st.size} bytes is over the ${L.maxFileBytes}-byte limit` });
      return;
    }
    const before = problems.length;
    takeBytes(basename(p), await readFile(p), sink);
    // name problems by their full path when the file itself (not an entry inside it) failed
    for (let i = before; i < problems.length; i++) if (problems[i]!.source === basename(p)) problems[i]!.source = p;
  };
  for (const p of paths) await visit(p, 0);
  const merged = mergeRevisions(existing, sink.docs);
  return { advisories: merged.advisories, superseded: merged.superseded, problems, documents: sink.documents() };
}

function gunzipBounded(raw: Uint8Array, budget: Budget, L: AdvisoryImportLimits, what: string): Uint8Array {
  const room = Math.max(1, L.maxExpandedBytes - budget.expanded);
  let out: Uint8Array;
  try {
    out = gunzipSync(raw, { maxOutputLength: Math.min(room, L.maxFileBytes * 4) });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused(`${what} expands beyond the limit: refused as a possible archive bomb`);
    throw new ZipRefused(`${what} is not a valid gzip file (${(e as Error).message})`);
  }
  budget.take(out.length, what);
  return out;
}

function readZip(
  bytes: Uint8Array,
  name: string,
  budget: Budget,
  L: AdvisoryImportLimits,
  takeJson: (t: string, s: string) => void,
  problems: AdvisoryImportProblem[],
  decode: (b: Uint8Array) => string,
): void {
  // The central directory is read and checked (entry count, total and per-entry expansion) before
  // anything is inflated; each entry is then inflated with a cap equal to its declared size.
  const entries = readCentralDirectory(bytes, {
    maxTotalUncompressed: L.maxExpandedBytes,
    maxEntries: L.maxEntries,
    maxRatio: 100,
    ratioGraceBytes: 1024 * 1024,
    maxEntryUncompressed: L.maxJsonBytes,
  });
  for (const e of entries) {
    if (e.name.endsWith('/') || !isJson(e.name)) continue;
    const src = `${name}:${e.name}`;
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (e.localHeaderOffset + 30 > bytes.length || dv.getUint32(e.localHeaderOffset, true) !== 0x04034b50) {
      problems.push({ source: src, error: 'bad local header' });
      continue;
    }
    const start = e.localHeaderOffset + 30 + dv.getUint16(e.localHeaderOffset + 26, true) + dv.getUint16(e.localHeaderOffset + 28, true);
    const end = start + e.compressedSize;
    if (end > bytes.length) {
      problems.push({ source: src, error: 'entry outside the archive' });
      continue;
    }
    let out: Uint8Array;
    if (e.method === 0) out = bytes.subarray(start, end);
    else if (e.method === 8) {
      try {
        out = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (err) {
        problems.push({ source: src, error: `expands beyond its declared size or is damaged (${(err as Error).message})` });
        continue;
      }
    } else {
      problems.push({ source: src, error: `unsupported compression method ${e.method}` });
      continue;
    }
    budget.take(out.length, src);
    takeJson(decode(out), src);
  }
}

/** POSIX ustar / GNU tar (IEEE Std 1003.1, pax "ustar Interchange Format"): regular files only. */
function readTar(
  bytes: Uint8Array,
  name: string,
  budget: Budget,
  L: AdvisoryImportLimits,
  takeJson: (t: string, s: string) => void,
  problems: AdvisoryImportProblem[],
  decode: (b: Uint8Array) => string,
): void {
  const field = (o: number, n: number) => {
    const b = bytes.subarray(o, Math.min(bytes.length, o + n));
    const z = b.indexOf(0);
    return decode(z >= 0 ? b.subarray(0, z) : b);
  };
  let o = 0;
  let longName: string | undefined;
  while (o + 512 <= bytes.length) {
    if (bytes.subarray(o, o + 512).every((x) => x === 0)) break; // end-of-archive block
    const sizeText = field(o + 124, 12).trim();
    if (!/^[0-7]*$/.test(sizeText)) {
      problems.push({ source: name, error: `damaged tar header at byte ${o}` });
      return;
    }
    const size = parseInt(sizeText || '0', 8);
    const type = String.fromCharCode(bytes[o + 156] ?? 0);
    const magic = field(o + 257, 6);
    const prefix = magic.startsWith('ustar') ? field(o + 345, 155) : '';
    let entryName = longName ?? (prefix ? `${prefix}/${field(o, 100)}` : field(o, 100));
    longName = undefined;
    const dataStart = o + 512;
    const dataEnd = dataStart + size;
    if (dataEnd > bytes.length) {
      problems.push({ source: `${name}:${entryName}`, error: 'truncated tar entry' });
      return;
    }
    if (type === 'L') longName = field(dataStart, Math.min(size, 4096)); // GNU long name for the next entry
    else if ((type === '0' || type === '\0') && isJson(entryName)) {
      if (size > L.maxJsonBytes) problems.push({ source: `${name}:${entryName}`, error: `advisory of ${size} bytes is over the limit` });
      else {
        budget.take(size, entryName);
        entryName = entryName.replace(/^\.\//, '');
        takeJson(decode(bytes.subarray(dataStart, dataEnd)), `${name}:${entryName}`);
      }
    }
    o = dataStart + Math.ceil(size / 512) * 512;
  }
}
