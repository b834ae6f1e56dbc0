// The devices the main side knows of: the only source of probe targets (the probe policy plans only
// for these). Fed by main-side discovery (live capture batches, capture files read by main) and by
// the window's `devices:sync` of its stored devices (files decoded in the window's worker). A person
// still approves every plan, and the policy alone decides kinds, rates and exclusions.
import type { Device } from '../../core/model/device';
import { mergeDevice } from '../../core/discovery/merge';

export class DeviceRegistry {
  private readonly byId = new Map<string, Device>();
  static readonly MAX = 200_000;

  add(devices: readonly Device[]): number {
    for (const d of devices) {
      const cur = this.byId.get(d.id);
      if (cur) this.byId.set(d.id, { ...mergeDevice(cur, d), ...(d.identity ? { identity: d.identity } : {}) });
      else if (this.byId.size < DeviceRegistry.MAX) this.byId.set(d.id, d);
    }
    return this.byId.size;
  }

  all(): Device[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }
}
