// Worker-thread entry: parse one workbook off the calling thread and post back plain values.
// Messages out: { type: 'progress', stage, fraction } … then { type: 'done', workbook } or
// { type: 'error', refused, message, hint }.
import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbookBytes, WorkbookRefused } from './read-workbook';
import type { ReadLimits } from './read-workbook';

interface Job {
  bytes: Uint8Array;
  fileName: string;
  limits?: Partial<ReadLimits>;
}

const job = workerData as Job;
try {
  const workbook = readWorkbookBytes(job.bytes, job.fileName, {
    limits: job.limits,
    onProgress: (stage, fraction) => parentPort?.postMessage({ type: 'progress', stage, fraction }),
  });
  parentPort?.postMessage({ type: 'done', workbook });
} catch (err) {
  const refused = err instanceof WorkbookRefused;
  parentPort?.postMessage({
    type: 'error',
    refused,
    message: refused ? err.message : `the workbook could not be read: ${String((err as Error)?.message ?? err).slice(0, 300)}`,
    hint: refused ? err.hint : undefined,
  });
}
