// Keyboard-wedge scanners type the barcode as keystrokes, a few milliseconds apart, and end with
// Enter. A person types 80-300 ms apart. This buffer tells the two apart from key timing alone, so a
// scan is caught anywhere in walk mode, not only in a focused input.

export interface WedgeOptions {
  /** Typical gap between two keystrokes of one scan (ms): the median gap must not exceed it. Scanners: 2-30 ms; people: > 60 ms. */
  maxGapMs: number;
  /** A longer gap ends the burst (the keys before it were not part of this scan). */
  breakGapMs: number;
  /** Fewest characters a scan can have. */
  minLength: number;
  /** Longest scan kept (anything longer is not a label). */
  maxLength: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 45, breakGapMs: 250, minLength: 3, maxLength: 128 };

export type WedgeResult = { kind: 'scan'; text: string } | { kind: 'none' };

/**
 * Is this sequence of keystroke gaps a scanner's burst? The median gap must be scanner-fast, and at
 * most one gap in four may be slower (a busy machine or a USB hiccup delays a key now and then; a
 * person is slow on nearly every key).
 */
export function burstLooksScanned(gaps: readonly number[], opts: WedgeOptions = DEFAULT_WEDGE): boolean {
  if (gaps.length + 1 < opts.minLength) return false;
  if (gaps.length === 0) return false;
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const slow = gaps.filter((g) => g > opts.maxGapMs).length;
  return median <= opts.maxGapMs && slow <= Math.floor(gaps.length / 4) && Math.max(...gaps) <= opts.breakGapMs;
}

/** Feed every keydown (key name and event time); Enter after a fast burst yields the scan. */
export class WedgeBuffer {
  private chars: string[] = [];
  private gaps: number[] = [];
  private last = -Infinity;
  constructor(private readonly opts: WedgeOptions = DEFAULT_WEDGE) {}

  /** Returns a scan when `key` is Enter (or Tab, which some scanners send) closing a fast burst. */
  key(key: string, t: number): WedgeResult {
    const gap = t - this.last;
    if (key === 'Enter' || key === 'Tab') {
      const text = this.chars.join('');
      const ok = text.length >= this.opts.minLength && gap <= this.opts.breakGapMs && burstLooksScanned(this.gaps, this.opts);
      this.reset();
      return ok ? { kind: 'scan', text } : { kind: 'none' };
    }
    if (key.length !== 1) {
      // Shift etc. come between characters of a scan; anything else ends the burst.
      if (key !== 'Shift' && key !== 'CapsLock') this.reset();
      return { kind: 'none' };
    }
    if (gap > this.opts.breakGapMs || this.chars.length >= this.opts.maxLength) {
      this.chars = [];
      this.gaps = [];
    } else if (this.chars.length) this.gaps.push(gap);
    this.chars.push(key);
    this.last = t;
    return { kind: 'none' };
  }

  /** Characters of the burst so far (for showing "scanning…"). */
  get pending(): number {
    return this.chars.length;
  }

  reset(): void {
    this.chars = [];
    this.gaps = [];
    this.last = -Infinity;
  }
}

/**
 * For a text box: was this entry typed as one fast burst (a scanner) or by a person? `times` are the
 * keydown times of its characters.
 */
export function looksScanned(times: readonly number[], opts: WedgeOptions = DEFAULT_WEDGE): boolean {
  if (times.length < opts.minLength) return false;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
  return burstLooksScanned(gaps, opts);
}
