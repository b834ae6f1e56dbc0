import { describe, expect, it } from 'vitest';
import { csvCell, escapeFormula, unescapeFormula } from './cells';

describe('spreadsheet cells', () => {
  it('escapes every formula-looking start and reads it back', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx', '\u0000x']) {
      expect(escapeFormula(s)).toBe("'" + s);
      expect(unescapeFormula(escapeFormula(s))).toBe(s);
    }
    for (const s of ['Alaris 8015', '', "'quoted by a person", '10.1.2.3']) {
      expect(escapeFormula(s)).toBe(s);
      expect(unescapeFormula(s)).toBe(s);
    }
  });

  it('writes CSV fields with RFC 4180 quoting after escaping; numbers as they are', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('-cmd,x')).toBe(`"'-cmd,x"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(undefined)).toBe('');
  });
});
