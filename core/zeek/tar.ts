// A streaming reader of (ustar / GNU) tar archives: 512-byte headers, file data padded to 512.
// Enough for Zeek log archives; never buffers an entry whole.
export interface TarSink {
  start(name: string, size: number): void;
  data(chunk: Uint8Array): void;
  end(): void;
}

export class TarReader {
  private header = new Uint8Array(512);
  private headerFill = 0;
  private remaining = 0; // data bytes left in the current entry
  private padding = 0; // padding bytes to skip after it
  private inEntry = false;
  private longName: string | null = null;
  private collectingLongName: number[] | null = null;
  private zeroBlocks = 0;
  finished = false;
  error: string | null = null;

  constructor(private readonly sink: TarSink) {}

  push(chunk: Uint8Array): void {
    let off = 0;
    while (off < chunk.length && !this.finished) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - off);
        const part = chunk.subarray(off, off + n);
        if (this.collectingLongName) for (const b of part) this.collectingLongName.push(b);
        else if (this.inEntry) this.sink.data(part);
        this.remaining -= n;
        off += n;
        if (this.remaining === 0) this.closeEntry();
        continue;
      }
      if (this.padding > 0) {
        const n = Math.min(this.padding, chunk.length - off);
        this.padding -= n;
        off += n;
        continue;
      }
      const n = Math.min(512 - this.headerFill, chunk.length - off);
      this.header.set(chunk.subarray(off, off + n), this.headerFill);
      this.headerFill += n;
      off += n;
      if (this.headerFill === 512) {
        this.headerFill = 0;
        this.parseHeader();
      }
    }
  }

  private closeEntry(): void {
    if (this.collectingLongName) {
      this.longName = String.fromCharCode(...this.collectingLongName).replace(/\0.*$/s, '');
      this.collectingLongName = null;
    } else if (this.inEntry) {
      this.sink.end();
      this.inEntry = false;
    }
  }

  private parseHeader(): void {
    const h = this.header;
    if (h.every((b) => b === 0)) {
      if (++this.zeroBlocks >= 2) this.finished = true;
      return;
    }
    this.zeroBlocks = 0;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    const stored = parseInt(text(h, 148, 8).trim() || 'x', 8);
    if (stored !== sum) {
      this.error = 'not a tar archive, or a damaged one (header checksum mismatch)';
      this.finished = true;
      return;
    }
    const size = parseInt(text(h, 124, 12).trim() || '0', 8) || 0;
    const type = String.fromCharCode(h[156]!);
    const prefix = text(h, 345, 155);
    let name = text(h, 0, 100);
    if (prefix && text(h, 257, 5) === 'ustar') name = `${prefix}/${name}`;
    if (this.longName) {
      name = this.longName;
      this.longName = null;
    }
    this.padding = (512 - (size % 512)) % 512;
    this.remaining = size;
    if (type === 'L') {
      this.collectingLongName = [];
      if (size === 0) this.closeEntry();
      return;
    }
    if (type === '0' || type === '\0' || type === '7') {
      this.inEntry = true;
      this.sink.start(name, size);
      if (size === 0) this.closeEntry();
    }
  }
}

function text(b: Uint8Array, off: number, len: number): string {
  let s = '';
  for (let i = off; i < off + len; i++) {
    const c = b[i]!;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}
