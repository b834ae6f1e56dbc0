// Print and PDF. In the desktop app the main side prints this window (print:print / print:pdf, see
// core/ipc/print.ts and electron/services/print.ts). Without them (the loopback test host, or a build
// whose contract does not carry the print channels yet) the browser's own print runs, whose dialog
// also offers "Save as PDF".
import type { PrintJob } from '../../../../core/ipc/print';
import type { IpcResult } from '../../../../core/ipc/define';

type PrintFn<R> = (job: PrintJob) => Promise<IpcResult<R>>;

function channel<R>(name: 'print:pdf' | 'print:print'): PrintFn<R> | undefined {
  const api = (window as unknown as { wardwalk?: Record<string, unknown> }).wardwalk;
  const fn = api?.[name];
  return typeof fn === 'function' ? (fn as PrintFn<R>) : undefined;
}

export function canSavePdf(): boolean {
  return channel('print:pdf') !== undefined;
}

/** Wait two frames so a just-rendered document is laid out before printing. */
function nextPaint(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
}

export async function printDocument(job: PrintJob): Promise<{ ok: boolean; message: string }> {
  await nextPaint();
  const fn = channel<{ printed: boolean; reason?: string }>('print:print');
  if (!fn) {
    window.print();
    return { ok: true, message: 'Sent to the print dialog.' };
  }
  const r = await fn(job);
  if (!r.ok) return { ok: false, message: r.error.message };
  return r.value.printed ? { ok: true, message: 'Sent to the printer.' } : { ok: false, message: `Not printed (${r.value.reason ?? 'cancelled'}).` };
}

export async function savePdf(job: PrintJob): Promise<{ ok: boolean; message: string }> {
  await nextPaint();
  const fn = channel<{ saved: boolean; path?: string }>('print:pdf');
  if (!fn) {
    window.print();
    return { ok: true, message: 'Choose "Save as PDF" as the printer in the dialog.' };
  }
  const r = await fn(job);
  if (!r.ok) return { ok: false, message: r.error.message };
  return r.value.saved ? { ok: true, message: `Saved ${r.value.path ?? 'the PDF'}.` } : { ok: false, message: 'Not saved.' };
}
