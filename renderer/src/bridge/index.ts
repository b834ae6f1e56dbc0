// How the renderer reaches the main side. In the desktop app the preload exposes window.wardwalk
// (one function per contract channel). In the loopback test host (no Electron binary here) the same
// API is built over fetch + Server-Sent Events, with the token from the URL fragment.
import { CHANNEL_NAMES, isEventName } from '../../../core/ipc/contract';
import type { EventName, PayloadOf, WardwalkApi } from '../../../core/ipc/contract';
import type { IpcResult } from '../../../core/ipc/define';
import { wireReplacer, wireReviver } from '../../../core/ipc/wire';

declare global {
  interface Window {
    wardwalk?: WardwalkApi;
  }
}

function hostToken(): string | null {
  const m = /host-token=([0-9a-f]{16,})/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem('wardwalk-host-token', m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1];
  }
  return sessionStorage.getItem('wardwalk-host-token');
}

function httpApi(token: string): WardwalkApi {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(`/events?token=${token}`);
    source.onmessage = (m) => {
      try {
        const { event, payload } = JSON.parse(m.data as string, wireReviver) as { event: string; payload: unknown };
        listeners.get(event)?.forEach((l) => l(payload));
      } catch {
        /* ignore malformed event */
      }
    };
  };
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (args: unknown): Promise<IpcResult<unknown>> => {
      try {
        const res = await fetch('/ipc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wardwalk-token': token },
          body: JSON.stringify({ channel, args }, wireReplacer),
        });
        return JSON.parse(await res.text(), wireReviver) as IpcResult<unknown>;
      } catch (e) {
        return { ok: false, error: { code: 'failed', message: `The Wardwalk service is not reachable (${String(e)}).` } };
      }
    };
  }
  api.on = (event: string, listener: (p: unknown) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${event}`);
    ensureEvents();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
  return api as WardwalkApi;
}

/** A stand-in when no host is reachable (e.g. the page opened directly): every call says why. */
function offlineApi(): WardwalkApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async () => ({
      ok: false,
      error: { code: 'failed', message: 'Wardwalk services are not available in this window.', hint: 'Start Wardwalk with npm start.' },
    });
  }
  api.on = () => () => undefined;
  return api as WardwalkApi;
}

let cached: WardwalkApi | null = null;
export function api(): WardwalkApi {
  if (cached) return cached;
  if (window.wardwalk) cached = window.wardwalk;
  else {
    const token = hostToken();
    cached = token ? httpApi(token) : offlineApi();
  }
  return cached;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
  return api().on(event, listener);
}
