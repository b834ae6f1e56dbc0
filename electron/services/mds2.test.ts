// An MDS2 workbook built here in the layout of the public ANSI/NEMA HN 1-2019 form (an instructions
// sheet, then the form: title rows, section header rows, and question id | question | answer |
// note # | standards columns). The device and answers are invented.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMds2Rows } from '../../core/risk/mds2';
import { importMds2 } from './mds2';

const tmp = mkdtempSync(join(tmpdir(), 'wardwalk-mds2-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FORM: (string | null)[][] = [
  ['Manufacturer Disclosure Statement for Medical Device Security -- MDS2'],
  ['Acme Medical', 'Pump 9000', 'MDS2-0042', '2024-03-01'],
  [],
  ['Question ID', 'Question', null, 'See note', 'IEC TR 80001-2-2:2012', 'NIST SP 800-53 Rev. 4', 'ISO 27002:2013'],
  ['DOC-1', 'Manufacturer Name', 'Acme Medical', null],
  ['DOC-2', 'Device Description', 'Large-volume infusion pump', null],
  ['DOC-3', 'Device Model', 'Pump 9000', null],
  ['DOC-4', 'Document ID', 'MDS2-0042', null],
  ['MANAGEMENT OF PERSONALLY IDENTIFIABLE INFORMATION'],
  ['MPII-1', 'Can this device display, transmit, store, or modify personally identifiable information (e.g. electronic Protected Health Information (ePHI))?', 'Yes', null, 'AR-2', 'AR-2', 'A.15.1.4'],
  ['MPII-2', 'Does the device maintain personally identifiable information?', 'Yes', null],
  ['MPII-2.1', 'Does the device maintain personally identifiable information temporarily in volatile memory (i.e., until cleared by power-off or reset)?', 'Yes', null],
  ['MPII-2.2', 'Does the device store personally identifiable information persistently on internal media?', 'Yes', '1'],
  ['REMOTE SERVICE (RMOT)'],
  ['RMOT-1', 'Does the device permit remote service connections for device analysis or repair?', 'Yes', '2'],
  ['CYBER SECURITY PRODUCT UPGRADES (CSUP)'],
  ['CSUP-1', 'Does the device contain any software or firmware which may require security updates during its operational life, either from the device manufacturer or from a third-party manufacturer of the software/firmware?', 'Yes', null],
  ['CSUP-2', 'Does the device contain an Operating System? If yes, complete 2.1-2.4.', 'Yes', null],
  ['CSUP-2.1', 'Does the device documentation provide instructions for owner/operator installation of patches or software updates?', 'No', null],
  ['CSUP-2.2', 'Does the device require vendor or vendor-authorized service to install patches or software updates?', 'Yes', null],
  ['SOFTWARE BILL OF MATERIALS (SBOM)'],
  ['SBOM-1', 'Is the SBOM for this product available?', 'No', null],
];

describe('MDS2 import', () => {
  it('reads the HN 1-2019 layout from a workbook and sets each fact with its question', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Instructions'], ['Answer each question Yes, No, N/A or See Note.']]), 'Instructions');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(FORM), 'MDS2');
    const file = join(tmp, 'acme-pump-9000-mds2.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const f = await importMds2(file);
    expect(f).toMatchObject({ maker: 'Acme Medical', model: 'Pump 9000', documentId: 'MDS2-0042', storesPhi: true, remoteService: true, patchable: false, sbom: false });
    expect(f.source).toBe('acme-pump-9000-mds2.xlsx (MDS2)');
    expect(f.evidence.storesPhi).toMatch(/^MPII-2\.2 .* = Yes$/);
    expect(f.evidence.patchable).toMatch(/CSUP-2\.1 .* = No; CSUP-2\.2 .* = Yes/);
    expect(f.answered).toBe(10);
    expect(f.problems).toEqual([]);
  });

  it('MPII-2.2 (persistent storage) outranks MPII-2 (maintains, incl. volatile memory)', () => {
    const rows = FORM.map((r) => r.map((c) => c ?? ''));
    const i = rows.findIndex((r) => r[0] === 'MPII-2.2');
    rows[i]![2] = 'No';
    const f = parseMds2Rows(rows, 'x');
    expect(f.storesPhi).toBe(false);
    expect(f.evidence.storesPhi).toMatch(/^MPII-2\.2/);
  });

  it('finds the columns without a header row, and says when a sheet is not an MDS2 form', () => {
    const rows = FORM.slice(4).map((r) => ['', ...r.map((c) => c ?? '')]);
    expect(parseMds2Rows(rows, 'x')).toMatchObject({ storesPhi: true, remoteService: true, patchable: false });
    expect(parseMds2Rows([['Asset tag', 'Model'], ['A1', 'X']], 'inv').problems[0]).toMatch(/not an MDS2 form/);
  });
});
