// Main registers every handler through this one helper (VS Code wraps ipcMain the same way): a
// single transport channel carries { channel, args }; the sender frame is checked with a real URL
// parser, the channel must be in the contract, arguments are validated from `unknown`, and errors
// come back as values.
import { fail } from '../../core/ipc/define';
import type { IpcResult } from '../../core/ipc/define';
import type { EventName, PayloadOf } from '../../core/ipc/contract';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';
import { isTrustedSender } from './security';
import type { TrustedOrigins } from './security';

export const INVOKE_CHANNEL = 'wardwalk:invoke';
export const EVENT_CHANNEL = 'wardwalk:event';

export interface InvokeEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
  sender: { send(channel: string, ...args: unknown[]): void };
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export function registerIpc(ipcMain: IpcMainLike, handlers: Partial<Handlers>, trusted: TrustedOrigins): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, request) => handleInvoke(event, request, handlers, trusted));
}

export async function handleInvoke(
  event: InvokeEventLike,
  request: unknown,
  handlers: Partial<Handlers>,
  trusted: TrustedOrigins,
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(event.senderFrame, trusted)) {
    return fail('bad-sender', 'Refused: the request did not come from the Wardwalk window.');
  }
  if (typeof request !== 'object' || request === null) return fail('bad-args', 'Refused: malformed request.');
  const { channel, args } = request as { channel?: unknown; args?: unknown };
  return dispatch(handlers, channel, args, {
    emit<E extends EventName>(name: E, payload: PayloadOf<E>) {
      event.sender.send(EVENT_CHANNEL, name, payload);
    },
  });
}
