// The one IPC contract: every channel and event the renderer and the main side share, each with a
// runtime schema (zod) and the TypeScript types derived from it. The preload's API, the main-process
// registrar and the loopback test host are all generated from these two maps.
import type { z } from 'zod';
import { appChannels, appEvents } from './app';
import { captureChannels, captureEvents } from './capture';
import { riskChannels, riskEvents } from './risk';
import { probeChannels, probeEvents } from './probe';
import { deviceChannels } from './devices';
import { printChannels, printEvents } from './print';
import { inventoryChannels, inventoryEvents } from './inventory';
import type { ChannelDef, EventDef, IpcResult } from './define';

export const channels = {
  ...appChannels,
  ...captureChannels,
  ...riskChannels,
  ...probeChannels,
  ...deviceChannels,
  ...printChannels,
  ...inventoryChannels,
} as const satisfies Record<string, ChannelDef>;

export const events = {
  ...appEvents,
  ...captureEvents,
  ...riskEvents,
  ...probeEvents,
  ...printEvents,
  ...inventoryEvents,
} as const satisfies Record<string, EventDef>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Events = typeof events;
export type EventName = keyof Events;

export type ArgsOf<C extends ChannelName> = z.input<Channels[C]['args']>;
export type ResultOf<C extends ChannelName> = z.output<Channels[C]['result']>;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

/** The API the renderer sees (window.wardwalk): one function per channel, errors as values. */
export type WardwalkApi = {
  [C in ChannelName]: (args: ArgsOf<C>) => Promise<IpcResult<ResultOf<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
};

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
