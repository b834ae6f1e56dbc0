import { describe, expect, it } from 'vitest';
import { createPrintService, suggestedPdfName } from './print';
import type { PrintableContents } from './print';

function fake(opts: { printOk?: boolean } = {}) {
  const calls: { kind: string; options: unknown }[] = [];
  const contents: PrintableContents = {
    async printToPDF(options) {
      calls.push({ kind: 'pdf', options });
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
    print(options, cb) {
      calls.push({ kind: 'print', options });
      cb(opts.printOk ?? true, opts.printOk === false ? 'Print job canceled' : '');
    },
  };
  return { contents, calls };
}

describe('print service', () => {
  it('saves a PDF of the sender page to the chosen path with the page size and orientation', async () => {
    const f = fake();
    const written: [string, Uint8Array][] = [];
    let suggested = '';
    const svc = createPrintService({
      contents: () => f.contents,
      chooseSavePath: async (name) => ((suggested = name), '/tmp/out.pdf'),
      writeFile: async (p, d) => void written.push([p, d]),
    });
    const r = await svc.pdf({ paper: 'Letter', orientation: 'landscape', title: 'Floor Level 3: Ward/3B' });
    expect(r).toEqual({ saved: true, path: '/tmp/out.pdf', bytes: 13 });
    expect(suggested).toBe('Floor Level 3 Ward 3B.pdf');
    expect(written[0]![0]).toBe('/tmp/out.pdf');
    expect(f.calls[0]).toEqual({ kind: 'pdf', options: { pageSize: 'Letter', landscape: true, printBackground: true, preferCSSPageSize: true, margins: { marginType: 'none' }, generateDocumentOutline: false } });
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const f = fake();
    let wrote = false;
    const svc = createPrintService({ contents: () => f.contents, chooseSavePath: async () => undefined, writeFile: async () => void (wrote = true) });
    expect(await svc.pdf({ paper: 'A4', orientation: 'portrait', title: 'x' })).toEqual({ saved: false });
    expect(wrote).toBe(false);
    expect(f.calls).toEqual([]);
  });

  it('prints through the system dialog and reports a cancelled job as a value', async () => {
    const ok = fake();
    const svc = createPrintService({ contents: () => ok.contents, chooseSavePath: async () => undefined, writeFile: async () => undefined });
    expect(await svc.print({ paper: 'A4', orientation: 'portrait', title: 't' })).toEqual({ printed: true });
    expect(ok.calls[0]!.options).toMatchObject({ silent: false, pageSize: 'A4', landscape: false });
    const no = fake({ printOk: false });
    const svc2 = createPrintService({ contents: () => no.contents, chooseSavePath: async () => undefined, writeFile: async () => undefined });
    expect(await svc2.print({ paper: 'A4', orientation: 'landscape', title: 't' })).toEqual({ printed: false, reason: 'Print job canceled' });
  });

  it('fails clearly without a window', async () => {
    const svc = createPrintService({ contents: () => undefined, chooseSavePath: async () => '/x', writeFile: async () => undefined });
    await expect(svc.pdf({ paper: 'A4', orientation: 'portrait', title: 't' })).rejects.toThrow('no window');
  });

  it('makes safe file names', () => {
    expect(suggestedPdfName('../..\\evil\u0000name')).toBe('evil name.pdf');
    expect(suggestedPdfName('...')).toBe('Wardwalk sheets.pdf');
    expect(suggestedPdfName('a'.repeat(300))).toHaveLength(124);
  });
});

describe('print handlers and channel schemas', () => {
  it('validate jobs and route to the service', async () => {
    const { printChannels } = await import('../../core/ipc/print');
    const { printHandlers } = await import('./print');
    expect(printChannels['print:pdf'].args.safeParse({ paper: 'A4', orientation: 'portrait', title: 'x' }).success).toBe(true);
    expect(printChannels['print:pdf'].args.safeParse({ paper: 'A3', orientation: 'portrait', title: 'x' }).success).toBe(false);
    expect(printChannels['print:print'].args.safeParse({ paper: 'Letter', orientation: 'landscape', title: 'x', path: '/etc/passwd' }).success).toBe(false);
    const f = fake();
    const handlers = printHandlers({ contents: () => f.contents, chooseSavePath: async () => '/tmp/a.pdf', writeFile: async () => undefined });
    const r = await handlers['print:pdf']({ paper: 'A4', orientation: 'portrait', title: 'x' });
    expect(printChannels['print:pdf'].result.safeParse(r).success).toBe(true);
    expect(printChannels['print:print'].result.safeParse(await handlers['print:print']({ paper: 'A4', orientation: 'portrait', title: 'x' })).success).toBe(true);
  });
});
