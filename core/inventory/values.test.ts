import { describe, expect, it } from 'vitest';
import { cellDate, cellText, escapeCell, excelSerialToIso, guessDateOrder, numberText, parseIpList, parseMacList, parseTextDate, parseYesNo, unescapeCell } from './values';
import { editDistance, headerKey, isPlaceholder } from './text';

describe('cell text', () => {
  it('writes long serials stored as numbers in full, never as 1.2E+10', () => {
    expect(numberText(12345678901)).toBe('12345678901');
    expect(numberText(123456789012345)).toBe('123456789012345');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(34.5)).toBe('34.5');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(cellText(8003456712)).toBe('8003456712');
    expect(cellText('  0012345 ')).toBe('0012345');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  it('reads Excel serial days in both date systems, skipping the 1900-02-29 that never was', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeUndefined();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(40241)).toBe('2010-03-04');
    expect(excelSerialToIso(40241.75)).toBe('2010-03-04');
    expect(excelSerialToIso(0, true)).toBeUndefined();
    expect(excelSerialToIso(38779, true)).toBe('2010-03-04'); // 40241 − 1462 days between the two epochs
    expect(cellText({ excelDate: 39051 })).toBe('2006-11-30');
  });

  it('parses text dates in several locales with the column order', () => {
    expect(parseTextDate('30/11/2006')).toBe('2006-11-30');
    expect(parseTextDate('03/04/2010', 'dmy')).toBe('2010-04-03');
    expect(parseTextDate('03/04/2010', 'mdy')).toBe('2010-03-04');
    expect(parseTextDate('24.03.2010')).toBe('2010-03-24');
    expect(parseTextDate('2010-03-24')).toBe('2010-03-24');
    expect(parseTextDate('2020-03-02 03:08:13')).toBe('2020-03-02');
    expect(parseTextDate('12-Mar-2010')).toBe('2010-03-12');
    expect(parseTextDate('12 de marzo de 2010')).toBe('2010-03-12');
    expect(parseTextDate('1er janvier 2011')).toBeUndefined();
    expect(parseTextDate('3 März 2011')).toBe('2011-03-03');
    expect(parseTextDate('März 2011')).toBe('2011-03-01');
    expect(parseTextDate('5/3/09')).toBe('2009-03-05');
    expect(parseTextDate('31/02/2010')).toBeUndefined();
    expect(parseTextDate('13.13.2013')).toBeUndefined();
    expect(parseTextDate('Semestral')).toBeUndefined();
  });

  it('treats a plain number in a date column as a serial, but not a bare year', () => {
    expect(cellDate(40241, 'dmy')).toBe('2010-03-04');
    expect(cellDate(2010, 'dmy')).toBeUndefined();
    expect(cellDate({ excelDate: 40241 }, 'mdy')).toBe('2010-03-04');
  });

  it('guesses day/month order per column and says when it cannot tell', () => {
    expect(guessDateOrder(['30/11/2006', '01/02/2003']).order).toBe('dmy');
    const us = guessDateOrder(['03/15/2016', '04/03/2017']);
    expect(us.order).toBe('mdy');
    expect(us.ambiguous).toBe(false);
    const amb = guessDateOrder(['01/02/2003', '04/05/2006']);
    expect(amb.ambiguous).toBe(true);
    expect(guessDateOrder(['2010-01-02']).order).toBe('ymd');
    expect(guessDateOrder(['13/01/2010', '01/13/2010']).ambiguous).toBe(true);
  });

  it('reads MAC and IP lists in every common spelling and keeps what is not one', () => {
    expect(parseMacList('00-1B-44-11-3A-B7').macs).toEqual(['00:1b:44:11:3a:b7']);
    expect(parseMacList('001b.4411.3ab8 / 00:1B:44:11:3A:C0').macs).toEqual(['00:1b:44:11:3a:b8', '00:1b:44:11:3a:c0']);
    expect(parseMacList('zz:zz').bad).toEqual(['zz:zz']);
    expect(parseIpList('010.020.001.016').ips).toEqual(['10.20.1.16']);
    expect(parseIpList('10.0.0.1; 10.0.0.2').ips).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(parseIpList('10.20.5.300').bad).toEqual(['10.20.5.300']);
    expect(parseIpList('fe80::1').ips).toEqual(['fe80::1']);
  });

  it('reads yes/no in several languages', () => {
    expect(parseYesNo('Sí')).toBe(true);
    expect(parseYesNo('oui')).toBe(true);
    expect(parseYesNo('Nein')).toBe(false);
    expect(parseYesNo('X')).toBe(true);
    expect(parseYesNo('maybe')).toBeUndefined();
  });

  it('escapes formula-looking cells and undoes it on import', () => {
    for (const s of ['=1+1', '+31', '-5', '@SUM(A1)', '\tx', '\rx', '\0x']) {
      expect(escapeCell(s)).toBe("'" + s);
      expect(unescapeCell(escapeCell(s))).toBe(s);
    }
    expect(escapeCell('plain')).toBe('plain');
    expect(escapeCell('')).toBe('');
    expect(unescapeCell("'plain")).toBe("'plain");
  });
});

describe('text folding', () => {
  it('compares headers the way a person reads them', () => {
    expect(headerKey('N° inventario')).toBe('no inventario');
    expect(headerKey('Nº de Inventario')).toBe('no inventario');
    expect(headerKey('Número de serie')).toBe('no serie');
    expect(headerKey('NUMERO_DE_SERIE')).toBe('no serie');
    expect(headerKey('SerialNumber')).toBe('serial no');
    expect(headerKey("Date d'installation")).toBe('date installation');
    expect(headerKey('Gerät-Nr.')).toBe('gerat no');
  });

  it('recognises placeholders and nothing else', () => {
    for (const p of ['N/A', 'n/a', '-', '—', 'NO REGISTRA', 's/n', 'S/N', 'sin dato', 'Sin Datos', 'n.d.', 'n. d.', '?', 'k.A.', '#N/A', 'none', 'Inconnu']) expect(isPlaceholder(p), p).toBe(true);
    for (const v of ['NA-1234', 'x1', '0', 'SN123', 'Alto', 'X']) expect(isPlaceholder(v), v).toBe(false);
  });

  it('measures edit distance with transpositions and an early stop', () => {
    expect(editDistance('toshipa', 'toshiba')).toBe(1);
    expect(editDistance('philpis', 'philips')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
