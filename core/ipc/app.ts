// App-level channels: facts about the running app, automatic backups, external links.
import { z } from 'zod';
import { channel, event, noArgs } from './define';

export const backupInfo = z.object({
  name: z.string(),
  createdAt: z.number(),
  bytes: z.number(),
  reason: z.string(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const appChannels = {
  'app:get-info': channel(
    noArgs,
    z.object({ version: z.string(), platform: z.string(), host: z.enum(['electron', 'test-host']), dataDir: z.string() }),
    'Version, platform and where data and backups live.',
  ),
  'backup:write': channel(
    z.object({ snapshot: z.string().max(2_000_000_000), reason: z.enum(['timer', 'quit', 'manual', 'before-restore', 'before-upgrade']) }),
    backupInfo,
    'Write a database snapshot (JSON text made by core/model/snapshot) as a rotating automatic backup.',
  ),
  'backup:list': channel(noArgs, z.array(backupInfo), 'The automatic backups, newest first.'),
  'backup:read': channel(
    z.object({ name: z.string().regex(/^wardwalk-backup-[0-9TZ-]+(-[a-z-]+)?\.json$/) }),
    z.object({ snapshot: z.string() }),
    'Read one automatic backup (validated before it is returned).',
  ),
  'shell:open-external': channel(
    z.object({ url: z.string().max(2048) }),
    z.object({ opened: z.boolean() }),
    'Open an http(s) link in the system browser (anything else is refused).',
  ),
} as const;

export const appEvents = {
  'backup:requested': event(
    z.object({ reason: z.enum(['timer', 'quit']) }),
    'Main asks the renderer for a snapshot to back up (on a timer and before quitting).',
  ),
} as const;
