// A streaming capture reader: push chunks of any size, get frames. It detects pcap or pcapng from
// the first bytes, keeps only the unconsumed tail of the last chunk (memory is bounded by the
// largest record, not the file), and never throws: a corrupt or cut file stops with a message in
// stats, after every valid frame before it was delivered.
import { type CaptureReadStats, type FrameSink } from './frame';
import { PcapRecords, parsePcapHeader } from './pcap';
import { PcapngBlocks, SHB } from './pcapng';

export class CaptureReader {
  /** Unconsumed tail of the input lives in work[0, pendingLen); work is reused (no per-chunk allocation). */
  private work: Uint8Array = new Uint8Array(0);
  private pendingLen = 0;
  private pcap?: PcapRecords;
  private pcapng?: PcapngBlocks;
  private stopped = false;
  private fileOffset = 0;
  readonly stats: CaptureReadStats = { format: 'unknown', frames: 0, bytes: 0, interfaces: 0, truncated: false, warnings: [] };
  private readonly countFrame = (): void => {
    this.stats.frames++;
  };

  /** `sink` gets each frame; the frame object and its data are reused/overwritten after it returns. */
  constructor(private readonly sink: FrameSink) {}

  /** True once a structural error stopped reading (further pushes are ignored). */
  get done(): boolean {
    return this.stopped;
  }

  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) return;
    let buf: Uint8Array;
    if (this.pendingLen === 0) buf = chunk;
    else {
      this.reserve(this.pendingLen + chunk.length);
      this.work.set(chunk, this.pendingLen);
      buf = this.work.subarray(0, this.pendingLen + chunk.length);
    }
    let off = 0;
    if (this.stats.format === 'unknown') {
      if (buf.length < 24) {
        this.keep(buf, 0);
        return;
      }
      if (!this.start(buf)) return;
      if (this.pcap) off = 24;
    }
    const before = off;
    const next = this.pcap ? this.pcap.parse(buf, off, buf.length, this.countFrame) : this.pcapng!.parse(buf, off, buf.length, this.countFrame);
    if (next < 0) {
      this.stop((this.pcap?.error ?? this.pcapng?.error ?? 'corrupt capture').replace(/\+(\d+)/, (_, n: string) => String(this.fileOffset + Number(n))));
      return;
    }
    this.stats.bytes += next - before;
    this.fileOffset += next;
    this.keep(buf, next);
  }

  /** Keep buf[from..] as the pending tail (in the reused work buffer). */
  private keep(buf: Uint8Array, from: number): void {
    const n = buf.length - from;
    if (n <= 0) {
      this.pendingLen = 0;
      return;
    }
    if (buf.buffer === this.work.buffer && buf.byteOffset === this.work.byteOffset) this.work.copyWithin(0, from, buf.length);
    else {
      this.reserve(n);
      this.work.set(buf.subarray(from), 0);
    }
    this.pendingLen = n;
  }

  private reserve(n: number): void {
    if (this.work.length >= n) return;
    const w = new Uint8Array(Math.max(n, this.work.length * 2, 65536));
    w.set(this.work.subarray(0, this.pendingLen), 0);
    this.work = w;
  }

  /** Call at end of input: reports a cut-short last record. Returns the stats. */
  end(): CaptureReadStats {
    if (!this.stopped) {
      if (this.stats.format === 'unknown') {
        this.stop(this.pendingLen === 0 ? 'empty file: not a capture' : 'not a pcap or pcapng capture (file too short)');
      } else if (this.pendingLen > 0) {
        this.stats.truncated = true;
        this.stats.warnings.push(
          `capture truncated: ${this.pendingLen} bytes at the end (offset ${this.fileOffset}) are an incomplete record; the ${this.stats.frames} frames before it were used`,
        );
      }
    }
    if (this.pcapng) {
      this.stats.interfaces = this.pcapng.interfaceCount;
      for (const w of this.pcapng.warnings) this.stats.warnings.push(w);
      this.pcapng.warnings.length = 0;
    }
    this.work = new Uint8Array(0);
    this.pendingLen = 0;
    this.stopped = true;
    return this.stats;
  }

  private start(buf: Uint8Array): boolean {
    const m = ((buf[0]! << 24) >>> 0) + ((buf[1]! << 16) | (buf[2]! << 8) | buf[3]!);
    if (m === SHB) {
      this.stats.format = 'pcapng';
      this.pcapng = new PcapngBlocks(this.sink);
      return true;
    }
    const h = parsePcapHeader(buf);
    if (typeof h === 'string') {
      this.stop(`${h} (magic 0x${m.toString(16).padStart(8, '0')})`);
      return false;
    }
    this.stats.format = 'pcap';
    this.stats.interfaces = 1;
    this.stats.bytes += 24;
    this.fileOffset = 0;
    this.pcap = new PcapRecords(h, this.sink);
    return true;
  }

  private stop(error: string): void {
    this.stats.error = error;
    this.stats.truncated = this.stats.truncated || /truncat|short/.test(error);
    this.stats.warnings.push(`${error}; the ${this.stats.frames} frames before it were used`);
    this.stopped = true;
    this.work = new Uint8Array(0);
    this.pendingLen = 0;
  }
}

/** Convenience for tests and small inputs: read a whole capture held in memory. */
export function readCapture(bytes: Uint8Array, sink: FrameSink, chunkSize = 65536): CaptureReadStats {
  const r = new CaptureReader(sink);
  for (let i = 0; i < bytes.length && !r.done; i += chunkSize) r.push(bytes.subarray(i, i + chunkSize));
  return r.end();
}
