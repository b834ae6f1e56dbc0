// Building blocks of the one IPC contract (core/ipc/contract.ts). Each domain declares its channels
// (`domain:verb`, request → response) and events (`domain:past-tense`, main → renderer) in its own
// file with a runtime schema; contract.ts assembles them into the single map that the preload, the
// main-process registrar and the loopback test host are all generated from.
import { z } from 'zod';

export interface ChannelDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** Schema of the single argument object the renderer sends (validated from `unknown` in main). */
  args: A;
  /** Schema of the value returned on success. */
  result: R;
  doc: string;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  doc: string;
}

export function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string): ChannelDef<A, R> {
  return { args, result, doc };
}

export function event<P extends z.ZodType>(payload: P, doc: string): EventDef<P> {
  return { payload, doc };
}

/** An argument schema for channels that take nothing. */
export const noArgs = z.object({}).strict();

/** Errors travel as values, never as thrown exceptions across the boundary. */
export interface IpcError {
  code: 'unknown-channel' | 'bad-sender' | 'bad-args' | 'bad-result' | 'failed' | 'cancelled' | 'denied';
  message: string;
  /** What the user can do about it, when there is something. */
  hint?: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: IpcError['code'], message: string, hint?: string): IpcResult<never> => ({
  ok: false,
  error: hint ? { code, message, hint } : { code, message },
});

/** Thrown by a handler to return a clear, user-facing error (the registrar turns it into a value). */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly code: IpcError['code'] = 'failed',
  ) {
    super(message);
  }
}
