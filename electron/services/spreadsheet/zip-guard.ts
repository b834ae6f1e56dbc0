// Zip-bomb defence for ZIP-based workbooks (.xlsx, .xlsm). An .xlsx is a ZIP archive (ECMA-376 Part 2,
// Open Packaging Conventions); its central directory (PKWARE APPNOTE.TXT §4.3.12, §4.3.16) declares
// every entry's compressed and uncompressed size. We read it BEFORE anything is inflated and refuse
// archives that declare too much (total size, entry count, per-entry ratio: Apache POI's
// ZipSecureFile refuses entries that expand more than 100×), then inflate each entry with a hard cap
// equal to its declared size, so an archive that lies about its sizes is refused too.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxTotalUncompressed: number;
  maxEntries: number;
  /** Largest allowed uncompressed/compressed ratio of one entry. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny XML parts compress extremely well). */
  ratioGraceBytes: number;
  maxEntryUncompressed: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 1024 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
  ratioGraceBytes: 100 * 1024,
  maxEntryUncompressed: 512 * 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipRefused';
  }
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  if (o + 2 > b.length) throw new ZipRefused('the file is not a valid ZIP archive (truncated)');
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  if (o + 4 > b.length) throw new ZipRefused('the file is not a valid ZIP archive (truncated)');
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
}

/** Read the central directory (no inflation). Throws ZipRefused when the archive is refused. */
export function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65535); o--) {
    if (u32(bytes, o) === EOCD_SIG) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('the file is not a valid ZIP archive (no central directory): a damaged or mislabelled workbook');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new ZipRefused('the workbook uses ZIP64, which only very large archives need: refused as too large for an inventory');
  if (count > limits.maxEntries) throw new ZipRefused(`the workbook holds ${count} parts (limit ${limits.maxEntries}): refused as a possible zip bomb`);
  if (cdOffset + cdSize > bytes.length) throw new ZipRefused('the file is not a valid ZIP archive (central directory outside the file)');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, o) !== CDH_SIG) throw new ZipRefused('the file is not a valid ZIP archive (bad central directory entry)');
    const method = u16(bytes, o + 10);
    const compressedSize = u32(bytes, o + 20);
    const uncompressedSize = u32(bytes, o + 24);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const localHeaderOffset = u32(bytes, o + 42);
    if (o + 46 + nameLen > bytes.length) throw new ZipRefused('the file is not a valid ZIP archive (truncated)');
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(o + 46, o + 46 + nameLen));
    total += uncompressedSize;
    if (uncompressedSize > limits.maxEntryUncompressed)
      throw new ZipRefused(`the part '${name}' would expand to ${mb(uncompressedSize)} (limit ${mb(limits.maxEntryUncompressed)}): refused as a possible zip bomb`);
    if (total > limits.maxTotalUncompressed)
      throw new ZipRefused(`the workbook would expand to more than ${mb(limits.maxTotalUncompressed)}: refused as a possible zip bomb`);
    if (uncompressedSize > limits.ratioGraceBytes) {
      const ratio = uncompressedSize / Math.max(1, compressedSize);
      if (ratio > limits.maxRatio)
        throw new ZipRefused(
          `the part '${name}' expands ${Math.round(ratio)}× (${mb(compressedSize)} → ${mb(uncompressedSize)}; limit ${limits.maxRatio}×): refused as a possible zip bomb`,
        );
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflate every entry with a cap equal to its declared size: an archive whose entries expand beyond
 * what the central directory says is refused. Output is discarded; only the check matters.
 */
export function verifyDeclaredSizes(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): void {
  for (const e of entries) {
    if (u32(bytes, e.localHeaderOffset) !== LFH_SIG) throw new ZipRefused('the file is not a valid ZIP archive (bad local header)');
    const start = e.localHeaderOffset + 30 + u16(bytes, e.localHeaderOffset + 26) + u16(bytes, e.localHeaderOffset + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw new ZipRefused('the file is not a valid ZIP archive (entry outside the file)');
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw new ZipRefused(`the part '${e.name}' has inconsistent sizes`);
      continue;
    }
    if (e.method !== 8) throw new ZipRefused(`the part '${e.name}' uses an unsupported compression method (${e.method})`);
    try {
      const out = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, e.uncompressedSize) });
      if (out.length !== e.uncompressedSize) throw new ZipRefused(`the part '${e.name}' does not match its declared size`);
    } catch (err) {
      if (err instanceof ZipRefused) throw err;
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipRefused(`the part '${e.name}' expands beyond its declared ${mb(e.uncompressedSize)}: refused as a possible zip bomb`);
      throw new ZipRefused(`the part '${e.name}' is damaged (${(err as Error).message})`);
    }
  }
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
