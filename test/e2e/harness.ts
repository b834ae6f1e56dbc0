// Shared e2e harness: start the loopback test host (real services, real renderer build) and a real
// Chromium with a fresh profile (real IndexedDB).
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestHost } from '../../electron/test-host/server';
import type { TestHost } from '../../electron/test-host/server';
import { buildHandlers } from '../../electron/services/handlers';
import { BackupStore } from '../../electron/services/backup-store';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  for (const p of [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('Chromium not found: install Debian\'s chromium (apt-get install chromium) or set CHROMIUM_PATH.');
}

export interface Harness {
  host: TestHost;
  dataDir: string;
  profileDir: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Close the browser and host; the data dirs are removed. */
  close(): Promise<void>;
  /** Restart the browser on the same profile (same IndexedDB), as a user reopening the app. */
  reopen(): Promise<Page>;
}

export async function startHarness(opts: { viewport?: { width: number; height: number } } = {}): Promise<Harness> {
  const rendererDir = join(ROOT, 'renderer/dist');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
  mkdirSync(RESULTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'ww-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'ww-e2e-profile-'));
  const hostRef: { current?: TestHost } = {};
  const host = await startTestHost({
    rendererDir,
    handlers: buildHandlers({
      version: '0.1.0',
      platform: process.platform,
      host: 'test-host',
      dataDir,
      backups: new BackupStore(join(dataDir, 'backups'), 10),
      openExternal: () => undefined,
      broadcast: (event, payload) => hostRef.current?.broadcast(event, payload),
    }),
  });
  hostRef.current = host;
  const viewport = opts.viewport ?? { width: 1280, height: 800 };
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
      viewport,
      acceptDownloads: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(host.appUrl);
    return { context, page };
  };
  let { context, page } = await launch();
  const h: Harness = {
    host,
    dataDir,
    profileDir,
    browser: context.browser() as Browser,
    context,
    page,
    async reopen() {
      await context.close();
      ({ context, page } = await launch());
      h.context = context;
      h.page = page;
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return h;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export type Row = Record<string, unknown>;

/** Every record of the given tables of the app's IndexedDB, read in the page in one transaction. */
export async function readTables(page: Page, stores: string[]): Promise<Record<string, Row[]>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, Row[]>>((resolve, reject) => {
        const req = indexedDB.open('wardwalk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction(names, 'readonly');
          const out: Record<string, Row[]> = {};
          for (const n of names) {
            const all = tx.objectStore(n).getAll();
            all.onsuccess = () => (out[n] = all.result as Row[]);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
}

/** Put records into one table of the app's IndexedDB (seeding a test). */
export async function putRows(page: Page, store: string, rows: Row[]): Promise<void> {
  await page.evaluate(
    ([name, rs]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('wardwalk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction([name], 'readwrite');
          for (const r of rs) tx.objectStore(name).put(r);
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, rows] as const,
  );
}
