import { describe, expect, it } from 'vitest';
import { categoryOf, DEVICE_TYPES, isHighRiskType, isKnownType, isLifeSupportType, isMobileType, isModalityKind, typeLabel } from './taxonomy';

describe('taxonomy', () => {
  it('has unique, kebab-case ids with labels and a category', () => {
    const ids = DEVICE_TYPES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of DEVICE_TYPES) {
      expect(t.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(t.label.length).toBeGreaterThan(2);
    }
  });

  it('flags life-support types (probe policy excludes them) and mobile ones (room walk)', () => {
    for (const t of ['infusion-pump', 'patient-monitor', 'ventilator', 'anesthesia-machine', 'dialysis-machine', 'defibrillator']) {
      expect(isLifeSupportType(t)).toBe(true);
      expect(isHighRiskType(t)).toBe(true);
    }
    for (const t of ['printer', 'switch', 'camera', 'unknown', 'medical-device']) expect(isLifeSupportType(t)).toBe(false);
    expect(isLifeSupportType(undefined)).toBe(false);
    expect(isMobileType('infusion-pump')).toBe(true);
    expect(isMobileType('ultrasound')).toBe(true);
    expect(isMobileType('imaging-modality')).toBe(false);
  });

  it('categories and labels', () => {
    expect(categoryOf('infusion-pump')).toBe('medical');
    expect(categoryOf('ip-phone')).toBe('it');
    expect(categoryOf('building-controller')).toBe('building');
    expect(categoryOf('access-point')).toBe('network');
    expect(categoryOf('camera')).toBe('iot');
    expect(categoryOf('nonsense')).toBe('unknown');
    expect(typeLabel('infusion-pump')).toBe('Infusion pump');
    expect(isKnownType('ups')).toBe(true);
    expect(isModalityKind('CT')).toBe(true);
    expect(isModalityKind('XX')).toBe(false);
  });
});
