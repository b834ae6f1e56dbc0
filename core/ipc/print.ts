// Printing and PDF: the renderer's print page (room sheets, labels) is printed or saved as PDF by
// the main side with Electron's webContents.print / printToPDF. The page sets its own @page size;
// paper and orientation travel too so the system dialog opens with the right defaults.
import { z } from 'zod';
import { channel } from './define';

export const printPaper = z.enum(['A4', 'Letter']);
export const printOrientation = z.enum(['portrait', 'landscape']);

export const printJob = z
  .object({
    paper: printPaper,
    orientation: printOrientation,
    /** Document title, used for the suggested file name and the print job name. */
    title: z.string().min(1).max(200),
  })
  .strict();
export type PrintJob = z.infer<typeof printJob>;

export const printChannels = {
  'print:pdf': channel(
    printJob,
    z.object({ saved: z.boolean(), path: z.string().optional(), bytes: z.number().optional() }),
    'Save the current print page as PDF to a path the user picks in a save dialog (saved: false when cancelled).',
  ),
  'print:print': channel(
    printJob,
    z.object({ printed: z.boolean(), reason: z.string().optional() }),
    'Open the system print dialog for the current print page.',
  ),
} as const;

export const printEvents = {} as const;
