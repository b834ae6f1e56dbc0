// The preload exposes exactly one object, window.wardwalk, with one function per channel of the
// contract and an `on` for contract events. It never exposes ipcRenderer or a raw invoke(channel).
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, isEventName } from '../../core/ipc/contract';

const INVOKE_CHANNEL = 'wardwalk:invoke';
const EVENT_CHANNEL = 'wardwalk:event';

const api: Record<string, unknown> = {};
for (const channel of CHANNEL_NAMES) {
  api[channel] = (args: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, { channel, args });
}
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!isEventName(event)) throw new Error(`Unknown event ${event}`);
  const wrapped = (_e: unknown, name: unknown, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
};

contextBridge.exposeInMainWorld('wardwalk', Object.freeze(api));
