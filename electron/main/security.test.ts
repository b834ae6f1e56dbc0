// The security setup, tested by injecting fake Electron objects and checking exactly what each
// handler answers.
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY, hardenApp, hardenContents, hardenSession, isSafeExternalUrl, isTrustedSender, isTrustedUrl,
  secureWebPreferences,
} from './security';
import type { SecurableContents, SecurableSession } from './security';

const trusted = { origins: ['app://wardwalk'] };
const log = { warn: vi.fn() };

function fakeContents() {
  const handlers: Record<string, (...a: unknown[]) => void> = {};
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on: (ev: string, h: (...a: unknown[]) => void) => {
      handlers[ev] = h;
    },
    setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => {
      openHandler = h;
    },
  } as unknown as SecurableContents;
  return { contents, handlers, open: (url: string) => openHandler!({ url }) };
}

describe('window preferences', () => {
  it('are exactly the hardened set', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toEqual({
      preload: '/x/preload.cjs',
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
    });
  });
});

describe('CSP', () => {
  it('allows scripts only from self: no inline, no eval', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('navigation, windows, webviews', () => {
  it('blocks navigation away from the app and allows in-app navigation', () => {
    const { contents, handlers } = fakeContents();
    hardenContents(contents, trusted, log, vi.fn());
    const away = { preventDefault: vi.fn() };
    handlers['will-navigate']!(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const lookalike = { preventDefault: vi.fn() };
    handlers['will-navigate']!(lookalike, 'app://wardwalk.evil/index.html');
    expect(lookalike.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    handlers['will-navigate']!(inside, 'app://wardwalk/index.html#floor');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    handlers['will-redirect']!(redirect, 'file:///etc/passwd');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; safe http(s) links go to the system browser', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    hardenContents(contents, trusted, log, openExternal);
    expect(open('https://www.cisa.gov/news-events/ics-medical-advisories')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.cisa.gov/news-events/ics-medical-advisories');
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks webviews', () => {
    const { contents, handlers } = fakeContents();
    hardenContents(contents, trusted, log, vi.fn());
    const e = { preventDefault: vi.fn() };
    handlers['will-attach-webview']!(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('applies to every web contents the app creates', () => {
    let created: ((e: unknown, c: SecurableContents) => void) | undefined;
    hardenApp({ on: (_ev, l) => (created = l) }, trusted, log, vi.fn());
    const { contents, open } = fakeContents();
    created!({}, contents);
    expect(open('https://example.org')).toEqual({ action: 'deny' });
  });
});

describe('session', () => {
  it('denies every permission request and check, and sets the CSP header', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, p: string) => boolean) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void) | undefined;
    const session: SecurableSession = {
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      webRequest: { onHeadersReceived: (h) => (headers = h) },
    };
    hardenSession(session, log);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'serial', 'hid']) {
      const cb = vi.fn();
      request!({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!({}, p)).toBe(false);
    }
    const cb = vi.fn();
    headers!({ responseHeaders: { 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('URL checks', () => {
  it('openExternal only for validated http(s) URLs', () => {
    expect(isSafeExternalUrl('https://nvd.nist.gov/vuln/detail/CVE-2020-12040')).toBe(true);
    expect(isSafeExternalUrl('http://intranet.local/cmms')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)', 'https://user:pw@host/', 'not a url', 'ms-msdt:/id', 'https://' + 'a'.repeat(3000)]) {
      expect(isSafeExternalUrl(bad)).toBe(false);
    }
  });

  it('trusts only the app origin, parsed, not prefix-matched', () => {
    expect(isTrustedUrl('app://wardwalk/index.html', trusted)).toBe(true);
    expect(isTrustedUrl('app://wardwalk.evil/index.html', trusted)).toBe(false);
    expect(isTrustedUrl('app://evil/?app://wardwalk', trusted)).toBe(false);
    expect(isTrustedUrl(undefined, trusted)).toBe(false);
  });

  it('trusts only the main frame of our origin as an IPC sender', () => {
    expect(isTrustedSender({ url: 'app://wardwalk/index.html' }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'app://wardwalk/index.html', parent: {} }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/' }, trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
  });
});
