// The one place where a request from the renderer is checked and answered. Used by the Electron
// registrar (electron/main/ipc-registrar.ts) and by the loopback test host (electron/test-host/),
// so the same validation runs whichever way the renderer reaches the services.
import { channels, isChannelName } from '../../core/ipc/contract';
import type { ChannelName, ArgsOf, ResultOf, EventName, PayloadOf } from '../../core/ipc/contract';
import { fail, ok, UserFacingError } from '../../core/ipc/define';
import type { IpcResult } from '../../core/ipc/define';

export interface HandlerContext {
  /** Push an event to the renderer that made the request. */
  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void;
}

export type Handler<C extends ChannelName> = (
  args: ResultArgs<C>,
  ctx: HandlerContext,
) => Promise<ResultOf<C>> | ResultOf<C>;
type ResultArgs<C extends ChannelName> = ArgsOf<C>;

export type Handlers = { [C in ChannelName]: Handler<C> };

/** Validate the channel name and arguments, run the handler, validate its result; errors become values. */
export async function dispatch(
  handlers: Partial<Handlers>,
  channel: unknown,
  rawArgs: unknown,
  ctx: HandlerContext,
): Promise<IpcResult<unknown>> {
  if (!isChannelName(channel)) {
    return fail('unknown-channel', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}: refused.`);
  }
  const def = channels[channel];
  const parsed = def.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length ? ` at "${first.path.join('.')}"` : '';
    return fail('bad-args', `Invalid arguments for ${channel}${where}: ${first?.message ?? 'schema mismatch'}.`);
  }
  const handler = handlers[channel] as ((a: unknown, c: HandlerContext) => unknown) | undefined;
  if (!handler) return fail('unknown-channel', `No handler for ${channel} in this host.`);
  try {
    const value = await handler(parsed.data, ctx);
    const checked = def.result.safeParse(value);
    if (!checked.success) return fail('bad-result', `The ${channel} service returned malformed data.`);
    return ok(checked.data);
  } catch (e) {
    if (e instanceof UserFacingError) return fail(e.code, e.message, e.hint);
    const msg = e instanceof Error ? e.message : String(e);
    return fail('failed', `${channel} failed: ${msg}`);
  }
}

export type { ChannelName, ArgsOf, ResultOf };
