import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/schema';
import type { Device } from '../../../core/model/device';
import type { Asset } from '../../../core/model/asset';
import { addProbeOverride, devicesForPlan, riskHintsFor, toggleProbeDevice } from './probes';
import { riskReasons } from '../../../core/probe-policy/policy';
import { INITIAL_CHOICES, getProbes, patchProbes } from '../features/probes/state';
import type { PlanView } from '../features/probes/state';

const dev = (id: string, ip: string, mac?: string, type?: string): Device => ({
  id: id as Device['id'],
  ...(mac ? { mac: mac as Device['mac'] } : {}),
  ips: [ip],
  hostnames: [],
  firstSeen: 1,
  lastSeen: 2,
  packets: 1,
  evidence: [],
  ...(type ? { identity: { type: { value: type, confidence: 0.9, reasons: [], rules: [] } } } : {}),
});
const asset = (id: string, p: Partial<Asset>): Asset => ({ id: id as Asset['id'], macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: 1, ...p });

const devices = [
  dev('dev_a', '10.1.0.1', '00:00:00:00:00:0a'), // inventory life-support, linked by deviceId
  dev('dev_b', '10.1.0.2', '00:00:00:00:00:0b'), // inventory high-risk, linked by MAC only
  dev('dev_c', '10.1.0.3', undefined, 'imaging-modality'), // high-risk type the policy's word list misses
  dev('dev_d', '10.1.0.4', undefined, 'infusion-pump'), // the policy's word list catches it: no hint needed
  dev('dev_e', '10.2.0.5', '00:00:00:00:00:0e', 'workstation'), // nothing risky; a deleted asset says life-support
];

beforeAll(async () => {
  await db().devices.bulkPut(devices);
  await db().assets.bulkPut([
    asset('asset_a', { assetTag: 'BME-1', deviceId: 'dev_a' as Asset['deviceId'], lifeSupport: true }),
    asset('asset_b', { serial: 'SN-2', macs: ['00:00:00:00:00:0b' as Asset['macs'][number]], highRisk: true, type: 'ventilator' }),
    asset('asset_e', { deviceId: 'dev_e' as Asset['deviceId'], lifeSupport: true, deleted: true }),
  ]);
});
afterAll(async () => {
  await db().delete();
});

describe('probe actions', () => {
  it('risk hints carry inventory flags (by deviceId, then MAC), with where they came from; taxonomy types the policy reads itself', async () => {
    const { hints, sources } = await riskHintsFor(devices);
    expect(hints).toEqual([
      { deviceId: 'dev_a', lifeSupport: true },
      { deviceId: 'dev_b', highRisk: true, type: 'ventilator' },
    ]);
    expect(sources['dev_a']).toEqual(['inventory asset BME-1 is marked life-support']);
    expect(sources['dev_b']).toContain('inventory asset SN-2 is marked high-risk');
    // An imaging modality needs no hint: the policy knows the taxonomy's high-risk types.
    expect(sources['dev_c']).toBeUndefined();
    expect(riskReasons({ ip: '10.1.0.3', type: 'imaging-modality' })).toEqual(['type: Imaging modality (high-risk)']);
    expect(sources['dev_e']).toBeUndefined();
  });

  it('a plan covers the chosen devices and every stored device in the subnet', async () => {
    const got = await devicesForPlan({ ...INITIAL_CHOICES, deviceIds: ['dev_e', 'nope'], subnet: '10.1.0.0/30' });
    expect(got.map((d) => d.id).sort()).toEqual(['dev_a', 'dev_b', 'dev_c', 'dev_e']); // 10.1.0.0/30 holds .1–.3, not .4
  });

  it('changing the choices makes a shown plan stale; an override needs a reason and who', async () => {
    patchProbes({ plan: { id: 'p', entries: [] } as unknown as PlanView, planStale: false });
    await toggleProbeDevice({ deviceId: 'dev_a' });
    expect(getProbes().planStale).toBe(true);
    expect(getProbes().choices.deviceIds).toEqual(['dev_a']);
    patchProbes({ plan: null });
    expect(await addProbeOverride({ device: 'dev_d', reason: 'ok', by: 'J' })).toBe(false);
    expect(await addProbeOverride({ device: 'dev_d', reason: 'in the workshop', by: ' ' })).toBe(false);
    expect(getProbes().overrides).toEqual([]);
    expect(await addProbeOverride({ device: 'dev_d', reason: 'in the workshop', by: 'J. Biomed' })).toBe(true);
    expect(getProbes().overrides).toEqual([{ device: 'dev_d', reason: 'in the workshop', by: 'J. Biomed' }]);
  });
});
