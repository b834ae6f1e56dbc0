import { describe, expect, it } from 'vitest';
import type { IdentityOverrides } from '../model/identity-override';
import { ANSWER_THRESHOLD, evidenceWeight, explain, identify, identifyAll, knownType } from './combine';
import { device, shuffled, testOui } from './test-helpers';

const oui = { oui: testOui };

describe('identify: evidence → verdicts with reasons', () => {
  it('DHCP vendor class naming Alaris + a BD-registered OUI → infusion pump by BD, with both reasons', () => {
    const d = device('f8:c6:78:01:02:03', [
      ['dhcp-vendor-class', 'CareFusion Alaris PCU 8015'],
      ['hostname', 'PCU-4411'],
    ]);
    const id = identify(d, undefined, oui);
    expect(id.type?.value).toBe('infusion-pump');
    expect(id.type!.confidence).toBeGreaterThan(0.85);
    expect(id.category?.value).toBe('medical');
    expect(id.maker?.value).toBe('Becton Dickinson (BD)');
    expect(id.type!.reasons.join(' ')).toMatch(/DHCP vendor class|CareFusion Alaris/);
    expect(id.type!.reasons.join(' ')).toMatch(/OUI of Carefusion/);
    expect(id.type!.rules).toContain('med.bd-alaris-pump');
    expect(id.type!.evidence).toContainEqual({ kind: 'dhcp-vendor-class', value: 'CareFusion Alaris PCU 8015' });
    const line = explain('type', id.type!);
    expect(line).toMatch(/→ infusion pump, 0\.\d\d$/);
    expect(id.macVendor?.name).toBe('Carefusion');
  });

  it('an OUI alone gives the maker and a generic kind, never a specific medical type', () => {
    const id = identify(device('00:d0:75:aa:bb:cc', []), undefined, oui);
    expect(id.maker?.value).toBe('Becton Dickinson (BD)');
    expect(id.type?.value).toBe('medical-device');
    expect(id.category?.value).toBe('medical');
  });

  it('a radio-module OUI (Espressif) names no maker: unknown, with the module maker as a low candidate', () => {
    const id = identify(device('5c:cf:7f:07:ae:fb', [['hostname', 'ESP_07AEFB']]), undefined, oui);
    expect(id.maker?.value).toBe('unknown');
    expect(id.maker!.confidence).toBeLessThan(ANSWER_THRESHOLD);
    expect(id.maker!.alternatives?.[0]?.value).toBe('Espressif');
    expect(id.macVendor?.note).toMatch(/module maker/);
    expect(id.type).toBeUndefined();
  });

  it('a randomized (locally administered) MAC carries no vendor meaning', () => {
    const id = identify(device('da:a1:19:00:00:01', [['dhcp-vendor-class', 'android-dhcp-13']]), undefined, oui);
    expect(id.macVendor?.randomized).toBe(true);
    expect(id.maker).toBeUndefined();
    expect(id.type?.value).toBe('mobile-phone');
    expect(id.os?.value).toBe('Android 13');
  });

  it('weak evidence alone answers "unknown" (not a guess) and lists the candidate', () => {
    // A Fingerbank option-55 fingerprint alone (Fingerbank: a printer entry) is below the threshold.
    const id = identify(device(undefined, [['dhcp-prl', '1,3,6,15,44,47']]), undefined, oui);
    if (id.type) {
      expect(id.type.value).toBe('unknown');
      expect(id.type.reasons[0]).toMatch(/not enough evidence/);
    }
    const none = identify(device(undefined, []), undefined, oui);
    expect(none.type).toBeUndefined();
    expect(none.maker).toBeUndefined();
  });

  it('conflicting strong evidence lowers confidence below the threshold rather than picking one', () => {
    const id = identify(
      device(undefined, [
        ['ssdp-nt', 'urn:Belkin:device:controllee:1'],
        ['mdns-service', '_ipp._tcp'],
      ]),
      undefined,
      oui,
    );
    // smart plug (0.85) against printer (0.8): neither should be a confident answer.
    expect(id.type?.value).toBe('unknown');
    expect(id.type!.alternatives!.map((a) => a.value).sort()).toEqual(['printer', 'smart-plug']);
  });

  it('resolves by strength, not by order of arrival: shuffled evidence gives the identical verdict', () => {
    const ev: Array<[Parameters<typeof device>[1][number][0], string]> = [
      ['dhcp-vendor-class', 'MSFT 5.0'],
      ['dhcp-prl', '1,15,3,6,44,46,47,31,33,249,43'],
      ['http-user-agent', 'Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0)'],
      ['hl7-sending-app', 'PIIC iX'],
      ['hostname', 'CENTRAL-01'],
      ['mdns-service', '_ipp._tcp'],
      ['ssdp-server', 'Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0'],
      ['snmp-sys-object-id', '1.3.6.1.4.1.9.1.516'],
    ];
    const base = identify(device('00:09:5c:00:00:01', ev), undefined, oui);
    for (let seed = 1; seed <= 25; seed++) {
      const again = identify(device('00:09:5c:00:00:01', shuffled(ev, seed)), undefined, oui);
      expect(again).toEqual(base);
    }
  });

  it('end-of-support flag for a known OS', () => {
    const id = identify(device(undefined, [['http-user-agent', 'Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1)'], ['dhcp-vendor-class', 'MSFT 5.0']]), undefined, oui);
    expect(id.os?.value).toBe('Windows XP');
    expect(id.endOfSupport?.os).toBe('Windows XP');
    expect(id.endOfSupport?.since).toBe('2014-04-08');
    const w11 = identify(device(undefined, [['http-user-agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)']]), undefined, oui);
    expect(w11.os?.value).toBe('Windows 10/11');
    expect(w11.endOfSupport).toBeUndefined();
  });

  it('generic and specific OS statements agree (Linux + Linux 3.14)', () => {
    const id = identify(device(undefined, [['dhcp-vendor-class', 'udhcp 1.19.4'], ['ssdp-server', 'Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0']]), undefined, oui);
    expect(id.os?.value).toBe('Linux 3.14');
    expect(id.endOfSupport?.os).toMatch(/Linux/);
  });

  it('SNMP, CDP and DICOM registries name the maker', () => {
    const sw = identify(
      device('00:19:06:ea:b8:85', [
        ['cdp-platform', 'cisco WS-C3560G-24PS'],
        ['cdp-software', 'Cisco IOS Software, C3560 Software (C3560-ADVIPSERVICESK9-M), Version 12.2(25)SEB4, RELEASE SOFTWARE (fc1)'],
        ['cdp-capabilities', 'switch,igmp'],
      ]),
      undefined,
      oui,
    );
    expect(sw.type?.value).toBe('switch');
    expect(sw.maker?.value).toBe('Cisco');
    expect(sw.model?.value).toBe('Cisco WS-C3560G-24PS');
    expect(sw.os?.value).toBe('Cisco IOS 12.2(25)SEB4');

    const ct = identify(device(undefined, [['dicom-impl-class-uid', '1.2.840.113619.6.374'], ['dicom-calling-ae', 'CT99_OC0']]), undefined, oui);
    expect(ct.maker?.value).toBe('GE Healthcare');
    expect(ct.category?.value).toBe('medical');

    const dcmtk = identify(device(undefined, [['dicom-impl-class-uid', '1.2.276.0.7230010.3.0.3.6.7'], ['dicom-impl-version', 'OFFIS_DCMTK_367']]), undefined, oui);
    expect(dcmtk.maker).toBeUndefined(); // a toolkit is not a maker
    expect(dcmtk.type?.reasons.join(' ') ?? '').toMatch(/DCMTK/);

    const ups = identify(device(undefined, [['snmp-sys-object-id', '1.3.6.1.4.1.318.1.3.27']]), undefined, oui);
    expect(ups.maker?.value).toBe('APC (Schneider Electric)');
    expect(ups.type?.value).toBe('ups');

    const bms = identify(device(undefined, [['bacnet-vendor-id', '5']]), undefined, oui);
    expect(bms.maker?.value).toBe('Johnson Controls');
    expect(bms.type?.value).toBe('building-controller');
    expect(bms.category?.value).toBe('building');
  });

  it('HL7 sending application naming a product line identifies the central station', () => {
    const id = identify(device(undefined, [['hl7-sending-app', 'IntelliVue Information Center']]), undefined, oui);
    expect(id.type?.value).toBe('central-station');
    expect(id.maker?.value).toBe('Philips');
  });

  it('a modality kind is kept only for imaging types', () => {
    const id = identify(device(undefined, [['snmp-sys-descr', 'Philips Brilliance 64 CT scanner']]), undefined, oui);
    expect(id.type?.value).toBe('imaging-modality');
    expect(id.modality?.value).toBe('CT');
  });
});

describe('overrides: a person’s correction is sticky', () => {
  const person: IdentityOverrides = { type: { value: 'patient-monitor', by: 'biomed-jd', at: Date.UTC(2026, 10, 2), note: 'checked in room 4.12' } };

  it('outranks the inference, and the evidence still shows', () => {
    const d = device('00:d0:75:00:00:01', [['dhcp-vendor-class', 'Alaris PC Unit']]);
    const inferred = identify(d, undefined, oui);
    expect(inferred.type?.value).toBe('infusion-pump');
    const id = identify(d, person, oui);
    expect(id.type?.value).toBe('patient-monitor');
    expect(id.type?.byPerson).toBe(true);
    expect(id.type?.confidence).toBe(1);
    expect(id.type?.reasons[0]).toMatch(/set by biomed-jd on 2026-11-02 \(checked in room 4\.12\)/);
    expect(id.type?.reasons.join(' ')).toMatch(/evidence suggests infusion pump/);
    expect(id.type?.evidence).toContainEqual({ kind: 'dhcp-vendor-class', value: 'Alaris PC Unit' });
    expect(id.type?.alternatives?.[0]?.value).toBe('infusion-pump');
    expect(id.category?.value).toBe('medical');
  });

  it('later evidence, weak or strong, never flips it (re-import / new capture)', () => {
    const base = device('00:d0:75:00:00:01', [['dhcp-vendor-class', 'Alaris PC Unit']]);
    const later = device('00:d0:75:00:00:01', [
      ...base.evidence.map((e): [typeof e.kind, string] => [e.kind, e.value]),
      ['mdns-service', '_ipp._tcp'],
      ['hostname', 'Alaris-8015'],
      ['snmp-sys-descr', 'Baxter Sigma Spectrum'],
    ]);
    for (const d of [base, later]) {
      const id = identify(d, person, oui);
      expect(id.type?.value).toBe('patient-monitor');
      expect(id.type?.byPerson).toBe(true);
      expect(id.type?.evidence?.length).toBeGreaterThan(0);
    }
  });

  it('an override of the category alone, or of the OS, applies only to that attribute', () => {
    const d = device(undefined, [['http-user-agent', 'Mozilla/4.0 (Windows NT 6.1)']]);
    const id = identify(d, { os: { value: 'Windows Embedded Standard 7', by: 'it', at: 0 } }, oui);
    expect(id.os?.value).toBe('Windows Embedded Standard 7');
    expect(id.endOfSupport?.os).toBe('Windows Embedded Standard 7');
    expect(id.os?.alternatives?.[0]?.value).toBe('Windows 7 / Server 2008 R2');
  });
});

describe('identifyAll / worklist helpers', () => {
  it('identifies every device and applies overrides by id', () => {
    const a = device('00:d0:75:00:00:01', [['dhcp-vendor-class', 'Alaris PC Unit']], 'dev_a');
    const b = device('00:19:06:ea:b8:85', [['cdp-platform', 'cisco WS-C3560G-24PS']], 'dev_b');
    const out = identifyAll([a, b], testOui, { dev_b: { type: { value: 'router', by: 'net', at: 0 } } });
    expect(out.map((d) => d.identity.type?.value)).toEqual(['infusion-pump', 'router']);
    expect(knownType(out[0]!.identity)).toBe('infusion-pump');
    expect(evidenceWeight(b)).toBe(1);
    const map = identifyAll([a], undefined, new Map([[a.id, { maker: { value: 'BD', by: 'x', at: 0 } }]]));
    expect(map[0]!.identity.maker?.value).toBe('BD');
    expect(map[0]!.identity.macVendor).toBeUndefined();
  });
});

describe('properties (fast-check, fixed seed)', () => {
  it('never throws, confidences stay in [0,1], and evidence order never matters', async () => {
    const fc = await import('fast-check');
    const { OBSERVATION_KINDS } = await import('../model/observation');
    const samples = [
      'CareFusion Alaris', 'MSFT 5.0', 'udhcp 1.2', '_ipp._tcp', 'urn:Belkin:device:controllee:1', '1.3.6.1.4.1.318.1',
      '1.2.840.113619.6.1', '5', 'IntelliVue MX40', 'cisco WS-C2960', 'Windows NT 6.1', '1,3,6,15', '', 'x'.repeat(300),
    ];
    const ev = fc.array(
      fc.tuple(fc.constantFrom(...OBSERVATION_KINDS), fc.oneof(fc.constantFrom(...samples), fc.string({ maxLength: 40 }))),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(ev, fc.integer({ min: 1, max: 1000 }), (items, seed) => {
        const a = identify(device('f8:c6:78:00:00:01', items), undefined, oui);
        const b = identify(device('f8:c6:78:00:00:01', shuffled(items, seed)), undefined, oui);
        expect(b).toEqual(a);
        for (const v of [a.type, a.maker, a.model, a.os, a.category, a.firmware, a.modality]) {
          if (!v) continue;
          expect(v.confidence).toBeGreaterThanOrEqual(0);
          expect(v.confidence).toBeLessThanOrEqual(1);
          if (v.value !== 'unknown') expect(v.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
        }
      }),
      { seed: 4242, numRuns: 300 },
    );
  });
});

describe('regressions', () => {
  it('a Windows DHCP fingerprint says nothing about the maker of the machine', () => {
    const id = identify(device('f8:c6:78:01:02:03', [['dhcp-vendor-class', 'MSFT 5.0'], ['dhcp-prl', '1,15,3,6,44,46,47,31,33,249,43']]), undefined, oui);
    expect(id.maker?.value).toBe('Becton Dickinson (BD)');
    expect(id.maker?.alternatives ?? []).not.toContainEqual(expect.objectContaining({ value: 'Microsoft' }));
    expect(id.os?.value).toBe('Windows XP');
  });
});
