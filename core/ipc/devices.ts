// The window tells the main side which devices it has stored, so probe plans (which main builds and
// re-validates) can target devices discovered from files decoded in the window's worker.
import { z } from 'zod';
import { channel } from './define';
import { deviceSchema } from './capture';

export const deviceChannels = {
  'devices:sync': channel(
    z.object({ devices: z.array(deviceSchema).max(200_000) }).strict(),
    z.object({ known: z.number().int().nonnegative() }),
    'Report stored devices to the main side (the only devices a probe plan may target).',
  ),
} as const;
