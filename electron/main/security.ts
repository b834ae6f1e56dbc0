// Every Electron hardening decision lives here (after Actual Budget's security.ts and the Electron
// security checklist). The functions take the Electron objects they act on, so tests inject fakes
// and check exactly what each handler answers.

/** The renderer's origin in production (custom protocol) and in development (vite dev server). */
export interface TrustedOrigins {
  /** e.g. "app://wardwalk" in production, "http://localhost:5173" in development. */
  origins: string[];
}

/** The window preferences every Wardwalk window uses. Checked field by field in tests. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

/**
 * Content-Security-Policy for the renderer: scripts only from our own origin (no inline, no eval),
 * no plugins, no framing, no remote connections. Also delivered by a meta tag in index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

/** Parse with a real URL parser; prefix checks can be fooled ("app://wardwalk.evil"). */
export function isTrustedUrl(url: string | undefined, trusted: TrustedOrigins): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Compare scheme and host (URL.origin is "null" for custom schemes such as app:, so compare the parts).
  if (!u.host) return false;
  return trusted.origins.some((o) => {
    try {
      const t = new URL(o);
      return t.protocol === u.protocol && t.host === u.host && !u.username && !u.password;
    } catch {
      return false;
    }
  });
}

/** Only http(s) URLs with a host, no credentials, reasonable length, go to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (!u.hostname || u.username || u.password) return false;
  return true;
}

/** The subset of Electron we act on, so tests can inject fakes. */
export interface SecurableApp {
  on(event: 'web-contents-created', listener: (e: unknown, contents: SecurableContents) => void): unknown;
}
export interface SecurableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface SecurableSession {
  setPermissionRequestHandler(h: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(h: (wc: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      h: (
        details: { responseHeaders?: Record<string, string[] | string> },
        cb: (r: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
}

export interface SecurityLog {
  warn(message: string): void;
}

/** Deny navigation away from the app, new windows and webviews in every web contents ever created. */
export function hardenApp(app: SecurableApp, trusted: TrustedOrigins, log: SecurityLog, openExternal: (url: string) => void): void {
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, trusted, log, openExternal));
}

export function hardenContents(
  contents: SecurableContents,
  trusted: TrustedOrigins,
  log: SecurityLog,
  openExternal: (url: string) => void,
): void {
  const guard = (e: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url, trusted)) {
      e.preventDefault();
      log.warn(`blocked navigation to ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    log.warn('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank: never a new Electron window; a safe http(s) link opens in the browser.
    if (isSafeExternalUrl(url)) openExternal(url);
    else log.warn(`blocked window.open of ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Deny every permission request and check (camera, notifications, geolocation, …) and set the CSP header. */
export function hardenSession(session: SecurableSession, log: SecurityLog): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log.warn(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, cb) => {
    cb({
      responseHeaders: { ...(details.responseHeaders ?? {}), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** The sender check for IPC: main frame only, from our own origin. */
export function isTrustedSender(
  frame: { url: string; parent?: unknown } | null | undefined,
  trusted: TrustedOrigins,
): boolean {
  if (!frame) return false;
  if (frame.parent) return false; // sub-frames never talk to main
  return isTrustedUrl(frame.url, trusted);
}
