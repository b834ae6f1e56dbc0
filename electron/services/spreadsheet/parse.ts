// Parse a workbook in a worker thread, with a size check before reading, a timeout, cancellation
// (AbortSignal) and progress. The worker runs parse-worker.ts: as TypeScript through tsx when running
// from source (CLI, tests), or as the bundled .js file next to this module in a build (the lead's
// bundler emits it; pass `workerUrl` to point elsewhere).
import { Worker } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { open, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { RawWorkbook } from '../../../core/inventory/types';
import type { ReadLimits } from './read-workbook';
import { DEFAULT_READ_LIMITS, WorkbookRefused } from './read-workbook';

export interface ParseProgress {
  stage: 'reading' | 'checking' | 'parsing' | 'converting' | 'done';
  /** 0..1 */
  fraction: number;
}

export interface ParseOptions {
  limits?: Partial<ReadLimits>;
  /** Give up after this long (default 120 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: ParseProgress) => void;
  /** Worker script to run (default: parse-worker.js beside this file, else parse-worker.ts via tsx). */
  workerUrl?: URL;
}

export class ParseCancelled extends Error {
  constructor(message = 'the import was cancelled') {
    super(message);
    this.name = 'ParseCancelled';
  }
}

function defaultWorkerUrl(): URL {
  const js = new URL('./parse-worker.js', import.meta.url);
  if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return js;
  return new URL('./parse-worker.ts', import.meta.url);
}

/** tsx's ESM API entry, found from this module's location (its package "exports" → import → default). */
function tsxEsmApiUrl(): string {
  const req = createRequire(import.meta.url);
  const pkgPath = req.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: Record<string, { import?: { default?: string } | string }> };
  const entry = pkg.exports?.['./esm/api']?.import;
  const rel = typeof entry === 'string' ? entry : (entry?.default ?? './dist/esm/api/index.mjs');
  return pathToFileURL(join(dirname(pkgPath), rel)).href;
}

/** Start the worker; a .ts entry is loaded through tsx's module hooks registered inside the worker. */
function startWorker(url: URL, workerData: unknown): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: 2048 };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, resourceLimits });
  // Resolve tsx from this module (an eval'd worker would resolve it from the working directory).
  const tsxApi = tsxEsmApiUrl();
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/** Parse workbook bytes in a worker thread. Rejects with WorkbookRefused, ParseCancelled or Error. */
export function parseWorkbookBytes(bytes: Uint8Array, fileName: string, opts: ParseOptions = {}): Promise<RawWorkbook> {
  const limits = { ...DEFAULT_READ_LIMITS, ...opts.limits };
  if (bytes.length > limits.maxFileBytes) {
    return Promise.reject(
      new WorkbookRefused(
        `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${(limits.maxFileBytes / 1024 / 1024).toFixed(0)} MB limit`,
        'split the workbook, or save only the inventory sheets into a new file',
      ),
    );
  }
  if (opts.signal?.aborted) return Promise.reject(new ParseCancelled());
  return new Promise<RawWorkbook>((resolve, reject) => {
    // A hostile workbook must not take the whole process's memory: the worker has its own heap cap.
    const worker = startWorker(opts.workerUrl ?? defaultWorkerUrl(), { bytes, fileName, limits: opts.limits });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const timeoutMs = opts.timeoutMs ?? 120_000;
    const timer = setTimeout(
      () => finish(() => reject(new WorkbookRefused(`reading the workbook took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`, 'save the inventory sheets into a smaller file'))),
      timeoutMs,
    );
    const onAbort = (): void => finish(() => reject(new ParseCancelled()));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: { type: string; stage?: ParseProgress['stage']; fraction?: number; workbook?: RawWorkbook; refused?: boolean; message?: string; hint?: string }) => {
      if (msg.type === 'progress') opts.onProgress?.({ stage: msg.stage ?? 'parsing', fraction: msg.fraction ?? 0 });
      else if (msg.type === 'done') {
        opts.onProgress?.({ stage: 'done', fraction: 1 });
        finish(() => resolve(msg.workbook!));
      } else if (msg.type === 'error') finish(() => reject(msg.refused ? new WorkbookRefused(msg.message ?? 'refused', msg.hint) : new Error(msg.message)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the workbook reader stopped unexpectedly (exit ${code})`))));
  });
}

/** Parse a workbook file: checks its size before reading it, then parses in a worker. */
export async function parseWorkbookFile(
  path: string,
  opts: ParseOptions & { parseBytes?: (bytes: Uint8Array, fileName: string, opts: ParseOptions) => Promise<RawWorkbook> } = {},
): Promise<RawWorkbook> {
  const limits = { ...DEFAULT_READ_LIMITS, ...opts.limits };
  const st = await stat(path);
  if (!st.isFile()) throw new WorkbookRefused(`'${path}' is not a file`);
  if (st.size > limits.maxFileBytes)
    throw new WorkbookRefused(
      `the file is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${(limits.maxFileBytes / 1024 / 1024).toFixed(0)} MB limit`,
      'split the workbook, or save only the inventory sheets into a new file',
    );
  opts.onProgress?.({ stage: 'reading', fraction: 0 });
  const fh = await open(path, 'r');
  let bytes: Uint8Array;
  try {
    const buf = new Uint8Array(st.size);
    let off = 0;
    while (off < buf.length) {
      if (opts.signal?.aborted) throw new ParseCancelled();
      const { bytesRead } = await fh.read(buf, off, Math.min(1 << 20, buf.length - off), off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    bytes = buf.subarray(0, off);
  } finally {
    await fh.close();
  }
  return (opts.parseBytes ?? parseWorkbookBytes)(bytes, path, opts);
}
