// The preload exposes exactly one frozen object with one function per contract channel plus `on`,
// and never a raw invoke or ipcRenderer.
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../core/ipc/contract';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
const on = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
  ipcRenderer: { invoke, on, removeListener: vi.fn() },
}));

describe('preload', () => {
  it('exposes one function per contract channel and nothing else', async () => {
    await import('./index');
    expect(Object.keys(exposed)).toEqual(['wardwalk']);
    const api = exposed['wardwalk'] as Record<string, (a?: unknown, b?: unknown) => unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    expect(api).not.toHaveProperty('invoke');
    await api['backup:list']!({});
    expect(invoke).toHaveBeenCalledWith('wardwalk:invoke', { channel: 'backup:list', args: {} });
    expect(() => api['on']!('not:an-event', () => undefined)).toThrow(/Unknown event/);
    const off = api['on']!('backup:requested', () => undefined) as () => void;
    expect(on).toHaveBeenCalledWith('wardwalk:event', expect.any(Function));
    off();
  });
});
