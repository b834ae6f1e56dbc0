// pcapng (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html): a sequence of blocks
// { type u32, total_len u32, body, total_len u32 } padded to 32 bits. A Section Header Block (SHB,
// 0x0A0D0D0A, byte-order magic 0x1A2B3C4D) starts each section and sets its byte order; Interface
// Description Blocks (IDB, 1) declare interfaces with their own link type, snap length and
// timestamp resolution (option if_tsresol = 9, if_tsoffset = 14); packets come in Enhanced (EPB, 6),
// Simple (SPB, 3, always interface 0) and obsolete Packet (2) blocks. Every other block is skipped.
import { MAX_RECORD, type Frame, type FrameSink } from './frame';

export const SHB = 0x0a0d0d0a;
const BOM = 0x1a2b3c4d;

interface Iface {
  linkType: number;
  snapLen: number;
  /** Timestamp units per second. */
  unitsPerSecond: number;
  /** if_tsoffset, seconds. */
  offsetSec: number;
}

function rd32(b: Uint8Array, o: number, le: boolean): number {
  return le
    ? ((b[o + 3]! << 24) >>> 0) + ((b[o + 2]! << 16) | (b[o + 1]! << 8) | b[o]!)
    : ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}
function rd16(b: Uint8Array, o: number, le: boolean): number {
  return le ? b[o]! | (b[o + 1]! << 8) : (b[o]! << 8) | b[o + 1]!;
}

export class PcapngBlocks {
  private le = false;
  private ifaces: Iface[] = [];
  private readonly frame: Frame = { ts: 0, linkType: 0, data: new Uint8Array(0), origLen: 0, iface: 0 };
  interfaceCount = 0;
  sections = 0;
  error?: string;
  readonly warnings: string[] = [];
  private badIfaceWarned = false;

  constructor(private readonly sink: FrameSink) {}

  /** Returns the offset after the last complete block, or -1 on a fatal structural error. */
  parse(b: Uint8Array, off: number, end: number, onFrame: () => void): number {
    while (end - off >= 12) {
      let type = rd32(b, off, this.le);
      if (type === SHB) {
        // Byte order is decided by this block's byte-order magic, before its length can be read.
        if (end - off < 12) break;
        const bomLe = rd32(b, off + 8, true);
        if (bomLe === BOM) this.le = true;
        else if (rd32(b, off + 8, false) === BOM) this.le = false;
        else {
          this.error = `corrupt pcapng section header at file offset +${off}: bad byte-order magic`;
          return -1;
        }
      }
      type = rd32(b, off, this.le);
      const len = rd32(b, off + 4, this.le);
      if (len < 12 || len % 4 !== 0 || len > MAX_RECORD) {
        this.error = `corrupt pcapng block at file offset +${off}: length ${len} is impossible`;
        return -1;
      }
      if (end - off < len) break;
      if (rd32(b, off + len - 4, this.le) !== len) {
        this.error = `corrupt pcapng block at file offset +${off}: trailing length does not match ${len}`;
        return -1;
      }
      const body = off + 8;
      const bodyEnd = off + len - 4;
      switch (type) {
        case SHB:
          this.sections++;
          this.ifaces = []; // interface ids are per section
          break;
        case 1:
          this.addIface(b, body, bodyEnd);
          break;
        case 6:
          if (bodyEnd - body >= 20) {
            const id = rd32(b, body, this.le);
            const caplen = rd32(b, body + 12, this.le);
            if (body + 20 + caplen > bodyEnd) {
              this.warn(`pcapng packet block at +${off} claims more bytes than it holds; skipped`);
              break;
            }
            this.emit(onFrame, id, rd32(b, body + 4, this.le), rd32(b, body + 8, this.le), b.subarray(body + 20, body + 20 + caplen), rd32(b, body + 16, this.le));
          }
          break;
        case 3:
          if (bodyEnd - body >= 4) {
            const orig = rd32(b, body, this.le);
            const i0 = this.ifaces[0];
            let cap = Math.min(orig, bodyEnd - body - 4);
            if (i0 && i0.snapLen > 0) cap = Math.min(cap, i0.snapLen);
            // SPB carries no timestamp.
            this.emit(onFrame, 0, -1, -1, b.subarray(body + 4, body + 4 + cap), orig);
          }
          break;
        case 2:
          if (bodyEnd - body >= 20) {
            const id = rd16(b, body, this.le);
            const caplen = rd32(b, body + 12, this.le);
            if (body + 20 + caplen > bodyEnd) break;
            this.emit(onFrame, id, rd32(b, body + 4, this.le), rd32(b, body + 8, this.le), b.subarray(body + 20, body + 20 + caplen), rd32(b, body + 16, this.le));
          }
          break;
        default:
          break; // NRB, ISB, DSB, custom…: nothing for discovery
      }
      off += len;
    }
    return off;
  }

  private warn(w: string): void {
    if (this.warnings.length < 50) this.warnings.push(w);
  }

  private addIface(b: Uint8Array, body: number, end: number): void {
    if (end - body < 8) return;
    const iface: Iface = { linkType: rd16(b, body, this.le), snapLen: rd32(b, body + 4, this.le), unitsPerSecond: 1e6, offsetSec: 0 };
    let o = body + 8;
    while (o + 4 <= end) {
      const code = rd16(b, o, this.le);
      const olen = rd16(b, o + 2, this.le);
      const v = o + 4;
      if (code === 0 || v + olen > end) break; // opt_endofopt or malformed options
      if (code === 9 && olen >= 1) {
        const r = b[v]!;
        const exp = r & 0x7f;
        iface.unitsPerSecond = r & 0x80 ? Math.pow(2, exp) : Math.pow(10, exp);
        if (!Number.isFinite(iface.unitsPerSecond) || iface.unitsPerSecond <= 0) iface.unitsPerSecond = 1e6;
      } else if (code === 14 && olen >= 8) {
        const hi = rd32(b, v + (this.le ? 4 : 0), this.le);
        const lo = rd32(b, v + (this.le ? 0 : 4), this.le);
        iface.offsetSec = (hi | 0) * 4294967296 + lo;
      }
      o = v + ((olen + 3) & ~3);
    }
    this.ifaces.push(iface);
    this.interfaceCount++;
  }

  private emit(onFrame: () => void, id: number, hi: number, lo: number, data: Uint8Array, origLen: number): void {
    const iface = this.ifaces[id];
    if (!iface) {
      if (!this.badIfaceWarned) this.warn(`packet for undeclared pcapng interface ${id}; skipped`);
      this.badIfaceWarned = true;
      return;
    }
    const f = this.frame;
    f.iface = id;
    f.linkType = iface.linkType;
    f.ts = hi < 0 ? 0 : ((hi * 4294967296 + lo) / iface.unitsPerSecond + iface.offsetSec) * 1000;
    f.data = data;
    f.origLen = origLen;
    onFrame();
    this.sink(f);
  }
}
