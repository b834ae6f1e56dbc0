// Integrity of the rule data: every rule cites a known source, ids are unique, every claimed type
// and modality exists in the taxonomy, strengths are in (0, 1].
import { describe, expect, it } from 'vitest';
import { isKnownType, isModalityKind } from '../taxonomy';
import { matchEvidence } from '../match';
import { OUI_TYPE_RULES } from './makers';
import { BACNET_VENDOR_RULES, DICOM_ROOT_RULES, PEN_RULES } from './registries';
import { PATTERN_RULES } from './signals';
import { SOURCES } from './sources';
import type { RuleBase } from './types';

const ALL: RuleBase[] = [...PATTERN_RULES, ...OUI_TYPE_RULES, ...PEN_RULES, ...BACNET_VENDOR_RULES, ...DICOM_ROOT_RULES];

describe('rule data', () => {
  it('every rule has a unique id and a known source', () => {
    const ids = ALL.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL) expect(Object.prototype.hasOwnProperty.call(SOURCES, r.source), r.id).toBe(true);
  });

  it('claims use known types / modalities and sane strengths', () => {
    for (const r of ALL) {
      for (const c of [...r.claims, ...(r.captures ?? [])]) {
        expect(c.strength, r.id).toBeGreaterThan(0);
        expect(c.strength, r.id).toBeLessThanOrEqual(1);
      }
      for (const c of r.claims) {
        if (c.attribute === 'type') expect(isKnownType(c.value), `${r.id} → ${c.value}`).toBe(true);
        if (c.attribute === 'modality') expect(isModalityKind(c.value), `${r.id} → ${c.value}`).toBe(true);
      }
    }
  });

  it('every source has a title and an http(s) URL', () => {
    for (const [id, s] of Object.entries(SOURCES)) {
      expect(s.title.length, id).toBeGreaterThan(5);
      expect(new URL(s.url).protocol, id).toMatch(/^https?:$/);
    }
  });

  it('unverified knowledge stays weak: a "reported" source never decides a type alone at high strength', () => {
    for (const r of ALL) {
      if (SOURCES[r.source].verified !== 'reported') continue;
      for (const c of r.claims) expect(c.strength, r.id).toBeLessThanOrEqual(0.9);
    }
    const fuji = DICOM_ROOT_RULES.find((r) => r.root === '1.2.392.200036.9125')!;
    expect(fuji.claims.find((c) => c.attribute === 'maker')!.strength).toBeLessThan(0.6);
  });

  it('matchers never throw on hostile strings and bound their work', () => {
    const nasty = ['', '\u0000'.repeat(300), 'a'.repeat(5000), '1.3.6.1.4.1.', '1.3.6.1.4.1.99999999999999999999', 'NaN', '((((((((((', '\\'];
    for (const v of nasty) {
      for (const k of ['dhcp-vendor-class', 'hostname', 'snmp-sys-object-id', 'bacnet-vendor-id', 'dicom-impl-class-uid', 'dhcp-prl', 'mdns-txt', 'cdp-platform'] as const) {
        expect(() => matchEvidence(k, v)).not.toThrow();
      }
    }
  });

  it('medical coverage: the main infusion, monitoring and imaging makers are recognised by some rule', () => {
    const makers = new Set(ALL.flatMap((r) => r.claims.filter((c) => c.attribute === 'maker').map((c) => c.value)));
    for (const m of ['Becton Dickinson (BD)', 'Baxter', 'B. Braun', 'ICU Medical', 'Fresenius', 'Philips', 'GE Healthcare', 'Mindray', 'Nihon Kohden', 'Dräger', 'Spacelabs', 'Siemens Healthineers', 'Canon Medical (Toshiba)', 'Fujifilm', 'Carestream', 'Agfa']) {
      expect(makers.has(m), m).toBe(true);
    }
  });
});
