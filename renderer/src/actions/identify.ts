// A person's corrections of an identification: sticky records of their own (never flipped by later,
// weaker evidence — core/fingerprint applies them last), undoable like every edit.
import type { OverridableAttribute } from '../../../core/model/identity-override';
import { db } from '../db/schema';
import type { OverrideRecord } from '../db/schema';
import { defineAction } from './registry';
import { audit } from './audit';

export const setOverride = defineAction<{
  deviceId: string;
  attribute: OverridableAttribute;
  value: string | null;
  by: string;
  note?: string;
  /** Recompute and store the device's identification after the change. */
  reidentify: () => Promise<void>;
}>({
  name: 'identify:set-override',
  label: (a) => (a.value ? `Set ${a.attribute} to "${a.value}"` : `Clear the ${a.attribute} correction`),
  perform: async ({ deviceId, attribute, value, by, note, reidentify }) => {
    const before = await db().overrides.get(deviceId);
    const overrides = { ...(before?.overrides ?? {}) };
    if (value) overrides[attribute] = { value, by, at: Date.now(), ...(note ? { note } : {}) };
    else delete overrides[attribute];
    const rec: OverrideRecord = { id: deviceId, deviceId: deviceId as OverrideRecord['deviceId'], overrides, version: (before?.version ?? 0) + 1, updatedAt: Date.now() };
    await db().overrides.put(rec);
    await audit(by, 'identify:set-override', `${deviceId} ${attribute} → ${value ?? '(cleared)'}`);
    await reidentify();
    return async () => {
      if (before) await db().overrides.put({ ...before, version: rec.version + 1, updatedAt: Date.now() });
      else await db().overrides.delete(deviceId);
      await reidentify();
    };
  },
});
