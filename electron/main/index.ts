// Electron main process: thin. It creates the hardened window, serves the renderer from a custom
// protocol, registers the IPC handlers from the shared services, and keeps automatic backups.
// No domain logic lives here (that is core/ and electron/services/).
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, utilityProcess } from 'electron';
import { setCaptureSpawner } from '../capture/live-capture';
import { utilitySpawner } from './capture-process';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BackupStore } from '../services/backup-store';
import { buildServices } from '../services/handlers';
import { printHandlers } from '../services/print';
import type { PrintableContents } from '../services/print';
import { writeFile } from 'node:fs/promises';
import { registerIpc, EVENT_CHANNEL } from './ipc-registrar';
import { hardenApp, hardenSession, secureWebPreferences } from './security';
import type { TrustedOrigins } from './security';

const here = dirname(fileURLToPath(import.meta.url));
const APP_ORIGIN = 'app://wardwalk';
const BACKUP_EVERY_MS = 15 * 60 * 1000;
const QUIT_BACKUP_WAIT_MS = 5000;

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const devUrl = process.env['ELECTRON_RENDERER_URL'];
const trusted: TrustedOrigins = { origins: devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN] };
const log = { warn: (m: string) => console.warn(`[security] ${m}`) };

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let quitting = false;
  let lastBackupAt = 0;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  hardenApp(app, trusted, log, (url) => void shell.openExternal(url));

  // Live capture runs in its own utility process (cap stays out of the main process's event loop).
  setCaptureSpawner(utilitySpawner((modulePath) => utilityProcess.fork(modulePath, [], { serviceName: 'Wardwalk capture', stdio: 'inherit' })));

  app.whenReady().then(async () => {
    const rendererDir = join(here, '../renderer');
    protocol.handle('app', (request) => {
      // Serve only files inside the renderer bundle (no path traversal).
      const { pathname } = new URL(request.url);
      const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
      const full = normalize(join(rendererDir, rel));
      if (!full.startsWith(rendererDir + sep)) return new Response('not found', { status: 404 });
      return net.fetch(pathToFileURL(full).toString());
    });
    hardenSession(session.defaultSession, log);

    const dataDir = app.getPath('userData');
    const backups = new BackupStore(join(dataDir, 'backups'), 10);
    const services = buildServices({
      version: app.getVersion(),
      platform: process.platform,
      host: 'electron',
      dataDir,
      backups,
      openExternal: (url) => shell.openExternal(url),
      broadcast: (event, payload) => win?.webContents.send(EVENT_CHANNEL, event, payload),
      dialogs: {
        pickAdvisoryPaths: async (pick) => {
          const r = await dialog.showOpenDialog({
            title: 'Import CISA medical advisories (CSAF JSON, a folder, or an archive)',
            properties: pick === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
            filters: pick === 'folder' ? [] : [{ name: 'CSAF advisories', extensions: ['json', 'zip', 'tar', 'gz', 'tgz'] }],
          });
          return r.canceled ? undefined : r.filePaths;
        },
        pickFile: async () => {
          const r = await dialog.showOpenDialog({ title: 'Import an inventory workbook', properties: ['openFile'], filters: [{ name: 'Spreadsheets', extensions: ['xlsx', 'xlsm', 'xls', 'csv'] }] });
          return r.canceled ? undefined : r.filePaths[0];
        },
        pickSavePath: async (name) => {
          const r = await dialog.showSaveDialog({ defaultPath: join(app.getPath('documents'), name) });
          return r.canceled ? undefined : r.filePath;
        },
        pickWorkbook: async () => {
          const r = await dialog.showOpenDialog({ title: 'Import an MDS2 form', properties: ['openFile'], filters: [{ name: 'Workbooks', extensions: ['xlsx', 'xlsm', 'xls'] }] });
          return r.canceled ? undefined : r.filePaths[0];
        },
      },
    });
    const handlers = {
      ...services.handlers,
      // Printing needs the window: print and save-as-PDF of the renderer's print page.
      ...printHandlers({
        contents: () => win?.webContents as unknown as PrintableContents | undefined,
        chooseSavePath: async (name) => {
          const r = await dialog.showSaveDialog(win!, { defaultPath: join(app.getPath('documents'), name), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
          return r.canceled ? undefined : r.filePath;
        },
        writeFile: (path, data) => writeFile(path, data),
      }),
    };
    const writeBackup = handlers['backup:write']!;
    handlers['backup:write'] = async (args, ctx) => {
      const r = await writeBackup(args, ctx);
      lastBackupAt = Date.now();
      return r;
    };
    registerIpc(ipcMain, handlers, trusted);

    win = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 900,
      minHeight: 600,
      title: 'Wardwalk',
      show: false,
      webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
    });
    win.once('ready-to-show', () => win?.show());
    await win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);

    const timer = setInterval(() => {
      win?.webContents.send(EVENT_CHANNEL, 'backup:requested', { reason: 'timer' });
    }, BACKUP_EVERY_MS);

    app.on('before-quit', (e) => {
      if (quitting || !win) return;
      // Clean shutdown: ask the renderer for a last backup, wait briefly for it, then quit.
      e.preventDefault();
      quitting = true;
      clearInterval(timer);
      const asked = Date.now();
      win.webContents.send(EVENT_CHANNEL, 'backup:requested', { reason: 'quit' });
      void services.shutdown();
      const deadline = setTimeout(() => app.quit(), QUIT_BACKUP_WAIT_MS);
      const poll = setInterval(() => {
        if (lastBackupAt >= asked) {
          clearInterval(poll);
          clearTimeout(deadline);
          app.quit();
        }
      }, 100);
    });
  });

  app.on('window-all-closed', () => app.quit());
}
