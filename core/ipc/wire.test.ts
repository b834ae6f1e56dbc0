import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64, toBase64, wireReplacer, wireReviver } from './wire';

describe('wire', () => {
  it('base64 matches Node and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
        expect([...fromBase64(toBase64(b))!]).toEqual([...b]);
      }),
      { seed: 42, numRuns: 300 },
    );
    expect(fromBase64('!!!!')).toBeUndefined();
  });

  it('carries Uint8Array through JSON', () => {
    const v = { fileName: 'a.xlsx', bytes: new Uint8Array([0, 1, 2, 250]) };
    const back = JSON.parse(JSON.stringify(v, wireReplacer), wireReviver) as typeof v;
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.bytes]).toEqual([0, 1, 2, 250]);
  });
});
