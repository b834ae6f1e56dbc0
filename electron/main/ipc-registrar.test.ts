// The registrar refuses unknown channels, wrong senders and malformed arguments, each with a clear
// error value; valid requests reach the handler with parsed arguments.
import { describe, expect, it, vi } from 'vitest';
import { handleInvoke, registerIpc, INVOKE_CHANNEL } from './ipc-registrar';
import type { InvokeEventLike } from './ipc-registrar';
import type { Handlers } from '../ipc/dispatch';

const trusted = { origins: ['app://wardwalk'] };
const goodEvent = (): InvokeEventLike => ({ senderFrame: { url: 'app://wardwalk/index.html' }, sender: { send: vi.fn() } });

const handlers: Partial<Handlers> = {
  'backup:list': vi.fn(async () => [{ name: 'wardwalk-backup-2026-01-01T00-00-00-000Z-manual.json', createdAt: 1, bytes: 2, reason: 'manual' }]),
  'shell:open-external': vi.fn(async () => ({ opened: true })),
  'app:get-info': vi.fn(async () => ({ version: 1 }) as never),
};

describe('IPC registrar', () => {
  it('registers one transport channel', () => {
    const ipcMain = { handle: vi.fn() };
    registerIpc(ipcMain, handlers, trusted);
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]![0]).toBe(INVOKE_CHANNEL);
  });

  it('answers a valid request with the handler value', async () => {
    const r = await handleInvoke(goodEvent(), { channel: 'backup:list', args: {} }, handlers, trusted);
    expect(r).toMatchObject({ ok: true, value: [{ reason: 'manual' }] });
  });

  it('refuses an unknown channel with a clear error', async () => {
    const r = await handleInvoke(goodEvent(), { channel: 'fs:rm-rf', args: {} }, handlers, trusted);
    expect(r).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown channel "fs:rm-rf": refused.' } });
    const proto = await handleInvoke(goodEvent(), { channel: '__proto__', args: {} }, handlers, trusted);
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses a wrong sender: another origin or a sub-frame', async () => {
    const foreign: InvokeEventLike = { senderFrame: { url: 'https://evil.example/' }, sender: { send: vi.fn() } };
    expect(await handleInvoke(foreign, { channel: 'backup:list', args: {} }, handlers, trusted)).toEqual({
      ok: false,
      error: { code: 'bad-sender', message: 'Refused: the request did not come from the Wardwalk window.' },
    });
    const sub: InvokeEventLike = { senderFrame: { url: 'app://wardwalk/x', parent: {} }, sender: { send: vi.fn() } };
    expect(await handleInvoke(sub, { channel: 'backup:list', args: {} }, handlers, trusted)).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
  });

  it('refuses malformed arguments before the handler runs', async () => {
    const r = await handleInvoke(goodEvent(), { channel: 'shell:open-external', args: { url: 42 } }, handlers, trusted);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-args', message: expect.stringContaining('at "url"') } });
    const extra = await handleInvoke(goodEvent(), { channel: 'backup:list', args: { sneaky: true } }, handlers, trusted);
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    const name = await handleInvoke(goodEvent(), { channel: 'backup:read', args: { name: '../../etc/passwd' } }, handlers, trusted);
    expect(name).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    expect(handlers['shell:open-external']).not.toHaveBeenCalled();
    expect(await handleInvoke(goodEvent(), 'junk', handlers, trusted)).toMatchObject({ ok: false, error: { code: 'bad-args' } });
  });

  it('refuses a handler result that breaks the contract', async () => {
    const r = await handleInvoke(goodEvent(), { channel: 'app:get-info', args: {} }, handlers, trusted);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-result' } });
  });

  it('turns a thrown error into a value', async () => {
    const throwing: Partial<Handlers> = { 'backup:list': async () => { throw new Error('disk gone'); } };
    expect(await handleInvoke(goodEvent(), { channel: 'backup:list', args: {} }, throwing, trusted)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'backup:list failed: disk gone' },
    });
  });
});
