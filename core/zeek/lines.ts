// Bytes → lines, streaming: UTF-8 decoding across chunk boundaries, lines longer than the limit
// are dropped (and counted) instead of growing a buffer without bound. The decoder is injected
// (a TextDecoder in Node and in the browser; core/ has no DOM or Node types).

/** A streaming text decoder: `stream: true` keeps a partial UTF-8 sequence for the next chunk. */
export interface ChunkDecoder {
  decode(chunk?: Uint8Array, options?: { stream?: boolean }): string;
}

export class LineSplitter {
  private rest = '';
  private skipping = false;
  overlong = 0;

  constructor(
    private readonly decoder: ChunkDecoder,
    private readonly onLine: (line: string) => void,
    private readonly maxLine = 64 * 1024,
  ) {}

  push(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.feed(this.decoder.decode());
    if (this.rest && !this.skipping) this.onLine(this.rest);
    this.rest = '';
    this.skipping = false;
  }

  private feed(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      if (this.skipping) this.skipping = false;
      else {
        const line = this.rest ? this.rest + text.slice(start, nl) : text.slice(start, nl);
        this.rest = '';
        if (line.length <= this.maxLine) this.onLine(line);
        else this.overlong++;
      }
      start = nl + 1;
    }
    if (start < text.length && !this.skipping) {
      this.rest += text.slice(start);
      if (this.rest.length > this.maxLine) {
        this.rest = '';
        this.skipping = true;
        this.overlong++;
      }
    }
  }
}
