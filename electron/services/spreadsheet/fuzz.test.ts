// Corrupted workbooks: whatever the bytes, reading ends in a workbook or a clear refusal, never in
// another exception (fixed seed, so a failure reproduces).
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { readWorkbookBytes, WorkbookRefused } from './read-workbook';
import { frenchCsvText, latin1Bytes, spanishHospitalWorkbook, workbookBytes } from './test-workbooks';
import { analyseWorkbook, importSheets, selectionFromAnalysis } from '../../../core/inventory/importer';

const seeds: Array<[string, Uint8Array]> = [
  ['h.xlsx', workbookBytes(spanishHospitalWorkbook(), 'xlsx')],
  ['h.xls', workbookBytes(spanishHospitalWorkbook(), 'biff8')],
  ['f.csv', latin1Bytes(frenchCsvText())],
];

function readOrRefuse(bytes: Uint8Array, name: string): void {
  try {
    const wb = readWorkbookBytes(bytes, name);
    // Whatever came out must go through the pure importer without throwing either.
    importSheets(wb, analyseWorkbook(wb).map(selectionFromAnalysis));
  } catch (err) {
    if (!(err instanceof WorkbookRefused)) throw err;
  }
}

describe('corrupted workbooks', () => {
  for (const [name, good] of seeds) {
    it(`${name}: random byte changes give a workbook or a refusal`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), (edits) => {
          const b = good.slice();
          for (const [at, v] of edits) b[at] = v;
          readOrRefuse(b, name);
        }),
        { seed: 20261129, numRuns: 60 },
      );
    });
    it(`${name}: truncated anywhere gives a workbook or a refusal`, () => {
      fc.assert(
        fc.property(fc.nat(good.length - 1), (cut) => readOrRefuse(good.slice(0, cut), name)),
        { seed: 7, numRuns: 60 },
      );
    });
  }
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (b) => readOrRefuse(b, 'x.xlsx')), { seed: 1, numRuns: 200 });
  });
});
