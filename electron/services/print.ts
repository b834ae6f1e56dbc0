// Printing the renderer's print page from the main side. A plain module: the webContents, the save
// dialog and the file writer are injected, so it is tested with fakes and the Electron main process
// passes the real ones (the sender's webContents, dialog.showSaveDialog, fs.promises.writeFile).
import type { PrintJob } from '../../core/ipc/print';

/** The part of Electron's WebContents this module uses. */
export interface PrintableContents {
  printToPDF(options: {
    pageSize: 'A4' | 'Letter';
    landscape: boolean;
    printBackground: boolean;
    preferCSSPageSize: boolean;
    margins: { marginType: 'none' };
    generateDocumentOutline?: boolean;
  }): Promise<Uint8Array>;
  print(
    options: { silent: boolean; printBackground: boolean; pageSize: 'A4' | 'Letter'; landscape: boolean; margins: { marginType: 'none' } },
    callback: (success: boolean, failureReason: string) => void,
  ): void;
}

export interface PrintDeps {
  /** The webContents of the window that asked (the sender). */
  contents: () => PrintableContents | undefined;
  /** Ask the user where to save; undefined when cancelled. */
  chooseSavePath: (suggestedName: string) => Promise<string | undefined>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
}

/** A safe file name from a document title ("Floor Level 3, North Wing" → "Floor Level 3, North Wing.pdf"). */
export function suggestedPdfName(title: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = title.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').replace(/^[\s.]+/, '').trim().slice(0, 120);
  return `${clean || 'Wardwalk sheets'}.pdf`;
}

export function createPrintService(deps: PrintDeps) {
  const need = () => {
    const c = deps.contents();
    if (!c) throw new Error('There is no window to print.');
    return c;
  };
  return {
    async pdf(job: PrintJob): Promise<{ saved: boolean; path?: string; bytes?: number }> {
      const contents = need();
      const path = await deps.chooseSavePath(suggestedPdfName(job.title));
      if (!path) return { saved: false };
      const pdf = await contents.printToPDF({
        pageSize: job.paper,
        landscape: job.orientation === 'landscape',
        printBackground: true,
        // The print page's own @page rule (size and zero margin) decides; the sheet draws its margins.
        preferCSSPageSize: true,
        margins: { marginType: 'none' },
        generateDocumentOutline: false,
      });
      await deps.writeFile(path, pdf);
      return { saved: true, path, bytes: pdf.byteLength };
    },
    print(job: PrintJob): Promise<{ printed: boolean; reason?: string }> {
      const contents = need();
      return new Promise((resolve) => {
        contents.print(
          { silent: false, printBackground: true, pageSize: job.paper, landscape: job.orientation === 'landscape', margins: { marginType: 'none' } },
          (success, failureReason) => resolve(success ? { printed: true } : { printed: false, reason: failureReason || 'cancelled' }),
        );
      });
    },
  };
}

/**
 * Handlers for the 'print:pdf' and 'print:print' channels (core/ipc/print.ts), for the handler table
 * of the Electron main process. The loopback test host has no webContents and registers none: there
 * the renderer falls back to window.print().
 */
export function printHandlers(deps: PrintDeps) {
  const svc = createPrintService(deps);
  return {
    'print:pdf': (job: PrintJob) => svc.pdf(job),
    'print:print': (job: PrintJob) => svc.print(job),
  };
}
