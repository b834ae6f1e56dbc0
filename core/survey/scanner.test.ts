import { describe, expect, it } from 'vitest';
import { WedgeBuffer, looksScanned } from './scanner';

function feed(buf: WedgeBuffer, text: string, start: number, gap: number) {
  let t = start;
  for (const ch of text) {
    expect(buf.key(ch, t)).toEqual({ kind: 'none' });
    t += gap;
  }
  return { r: buf.key('Enter', t), t };
}

describe('keyboard-wedge detection', () => {
  it('recognises a fast burst ending in Enter', () => {
    const b = new WedgeBuffer();
    expect(feed(b, 'BME-0001', 1000, 8).r).toEqual({ kind: 'scan', text: 'BME-0001' });
  });
  it('ignores a person typing', () => {
    const b = new WedgeBuffer();
    expect(feed(b, 'BME-0001', 1000, 150).r).toEqual({ kind: 'none' });
  });
  it('drops keys before a long pause and keeps the burst', () => {
    const b = new WedgeBuffer();
    b.key('x', 0);
    b.key('y', 400);
    expect(feed(b, 'ROOM:3.01', 1000, 5).r).toEqual({ kind: 'scan', text: 'ROOM:3.01' });
  });
  it('tolerates one delayed key in a scan (a busy machine), not a person\'s steady typing', () => {
    const b = new WedgeBuffer();
    const times = [0, 6, 12, 130, 136, 142, 148, 154];
    'BME-0001'.split('').forEach((ch, i) => b.key(ch, times[i]!));
    expect(b.key('Enter', 160)).toEqual({ kind: 'scan', text: 'BME-0001' });
    // Fast-ish human typing: most gaps 60-120 ms.
    const h = new WedgeBuffer();
    const ht = [0, 70, 150, 210, 300, 370, 440, 520];
    'BME-0001'.split('').forEach((ch, i) => h.key(ch, ht[i]!));
    expect(h.key('Enter', 600)).toEqual({ kind: 'none' });
  });
  it('lets Shift pass inside a scan and resets on other named keys', () => {
    const b = new WedgeBuffer();
    b.key('A', 0);
    b.key('Shift', 3);
    b.key('B', 6);
    b.key('C', 9);
    expect(b.key('Enter', 12)).toEqual({ kind: 'scan', text: 'ABC' });
    b.key('A', 20);
    b.key('ArrowDown', 22);
    b.key('B', 24);
    expect(b.key('Enter', 26)).toEqual({ kind: 'none' });
  });
  it('judges a text box entry by its key times', () => {
    expect(looksScanned([0, 5, 10, 15])).toBe(true);
    expect(looksScanned([0, 5, 10, 200, 205, 210])).toBe(true); // one hiccup in a fast burst
    expect(looksScanned([0, 5, 200, 215])).toBe(false); // too short to forgive a slow key
    expect(looksScanned([0, 90, 200, 280])).toBe(false);
    expect(looksScanned([0, 5, 400, 405])).toBe(false); // a pause: two entries, not one scan
    expect(looksScanned([0, 5])).toBe(false);
  });
});
