// Capture and discovery channels: live capture (interfaces, start/stop) and capture files.
// Devices travel as summaries in batched events, a few per second at most, never one per packet.
import { z } from 'zod';
import { channel, event, noArgs } from './define';
import type { Identification } from '../model/device';

const evidenceSchema = z.object({
  kind: z.string(),
  value: z.string().max(1024),
  proto: z.string(),
  source: z.string(),
  count: z.number().int().nonnegative(),
  firstSeen: z.number(),
  lastSeen: z.number(),
});

export const deviceSchema = z.object({
  id: z.string(),
  mac: z.string().optional(),
  ips: z.array(z.string()),
  hostnames: z.array(z.string()),
  firstSeen: z.number(),
  lastSeen: z.number(),
  packets: z.number().int().nonnegative(),
  router: z.boolean().optional(),
  ipOnly: z.boolean().optional(),
  evidence: z.array(evidenceSchema),
  identity: z.custom<Identification>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)).optional(),
  recordedAt: z.number().optional(),
});

export const discoveryStatsSchema = z.object({
  files: z.number().int().nonnegative(),
  packets: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  malformed: z.number().int().nonnegative(),
  violations: z.record(z.string(), z.number()),
  unsupportedLinkTypes: z.record(z.string(), z.number()),
  decoded: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
  durationMs: z.number().nonnegative(),
  cancelled: z.boolean().optional(),
});

export const interfaceSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  addresses: z.array(z.string()),
  loopback: z.boolean(),
});

export const liveStatsSchema = z.object({
  packets: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  /** Dropped by the kernel / driver (libpcap ps_drop + ps_ifdrop). */
  dropped: z.number().int().nonnegative(),
  malformed: z.number().int().nonnegative(),
  devices: z.number().int().nonnegative(),
});

export const captureChannels = {
  'capture:list-interfaces': channel(noArgs, z.array(interfaceSchema), 'Network interfaces a live capture can open.'),
  'capture:start': channel(
    z.object({ interface: z.string().min(1).max(256), filter: z.string().max(2000).optional() }).strict(),
    z.object({ captureId: z.string(), filter: z.string(), linkType: z.string() }),
    'Start a passive live capture on one interface (default filter: discovery traffic only). Needs capture privileges; the error hint says how to grant them on this OS.',
  ),
  'capture:stop': channel(z.object({ captureId: z.string() }).strict(), z.object({ stats: liveStatsSchema }), 'Stop a live capture.'),
  'capture:open-files': channel(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }).strict(),
    z.object({ devices: z.array(deviceSchema), stats: discoveryStatsSchema }),
    'Read capture files (pcap/pcapng, streaming) and return the devices found; progress arrives as capture:progressed.',
  ),
  'capture:cancel-files': channel(noArgs, z.object({ cancelled: z.boolean() }), 'Cancel the capture-file read in progress.'),
} as const;

export const captureEvents = {
  'capture:progressed': event(
    z.object({ file: z.string(), fileIndex: z.number().int(), files: z.number().int(), bytesRead: z.number(), bytesTotal: z.number(), packets: z.number().int() }),
    'Capture-file read progress (at most a few per second).',
  ),
  'capture:devices-seen': event(
    z.object({ captureId: z.string(), devices: z.array(deviceSchema), stats: liveStatsSchema }),
    'Live capture batch: devices that changed since the last batch, with running totals (a few per second at most).',
  ),
  'capture:stopped': event(
    z.object({ captureId: z.string(), reason: z.enum(['requested', 'error', 'interface-gone']), message: z.string().optional(), hint: z.string().optional(), stats: liveStatsSchema }),
    'A live capture ended (asked for, or failed: message and hint say why and what to do).',
  ),
} as const;
