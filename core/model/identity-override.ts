// A person's correction of an identification (one per attribute). Overrides are their own records,
// kept apart from the evidence, so re-imports and new captures never erase them; identify() applies
// them last and they always win (core/fingerprint/combine.ts), while the evidence still shows.
import type { DeviceId } from './ids';

export const OVERRIDABLE_ATTRIBUTES = ['category', 'type', 'modality', 'maker', 'model', 'os', 'firmware'] as const;
export type OverridableAttribute = (typeof OVERRIDABLE_ATTRIBUTES)[number];

export interface AttributeOverride {
  value: string;
  /** Who set it (user name or initials). */
  by: string;
  /** Milliseconds since the epoch. */
  at: number;
  note?: string;
}

export type IdentityOverrides = Partial<Record<OverridableAttribute, AttributeOverride>>;

/** The stored record: a device's overrides, versioned like every record. */
export interface DeviceIdentityOverrides {
  deviceId: DeviceId;
  overrides: IdentityOverrides;
  version: number;
  updatedAt: number;
}
