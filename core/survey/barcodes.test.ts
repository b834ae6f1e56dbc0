import { describe, expect, it } from 'vitest';
import { assetBarcodeText, parseScan, roomBarcodeText } from './barcodes';

describe('barcodes', () => {
  it('round-trips room numbers', () => {
    for (const n of ['3.14', 'B-201', ' ICU 4 ', 'Raum 1']) {
      expect(parseScan(roomBarcodeText({ number: n }))).toEqual({ kind: 'room', value: n.trim() });
    }
  });
  it('treats other text as an asset tag and strips scanner control characters', () => {
    expect(parseScan('BME-004711\r\n')).toEqual({ kind: 'asset', value: 'BME-004711' });
    expect(parseScan('\u001dASSET:SN123')).toEqual({ kind: 'asset', value: 'SN123' });
    expect(parseScan('room:2.01')).toEqual({ kind: 'room', value: '2.01' });
  });
  it('rejects empty scans and bare prefixes', () => {
    expect(parseScan('')).toBeUndefined();
    expect(parseScan('  \t')).toBeUndefined();
    expect(parseScan('ROOM:')).toBeUndefined();
    expect(parseScan('ASSET:  ')).toBeUndefined();
  });
  it('encodes asset labels from the tag, else the serial', () => {
    expect(assetBarcodeText({ assetTag: 'T1', serial: 'S1' })).toBe('T1');
    expect(assetBarcodeText({ serial: ' S1 ' })).toBe('S1');
    expect(assetBarcodeText({})).toBeUndefined();
  });
});
