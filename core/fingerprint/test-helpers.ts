// Hand-built devices for the fingerprint unit tests (no capture needed): evidence as [kind, value].
import type { Device, Evidence } from '../model/device';
import type { DeviceId, Mac } from '../model/ids';
import type { ObservationKind } from '../model/observation';
import { createOuiLookup } from './oui';

export function device(mac: string | undefined, evidence: Array<[ObservationKind, string]>, id = 'dev_1'): Device {
  const ev: Evidence[] = evidence.map(([kind, value], i) => ({
    kind,
    value,
    proto: 'test',
    source: 'pcap',
    count: 1,
    firstSeen: 1000 + i,
    lastSeen: 1000 + i,
  }));
  return {
    id: id as DeviceId,
    ...(mac ? { mac: mac as Mac } : {}),
    ips: [],
    hostnames: [],
    firstSeen: 1000,
    lastSeen: 2000,
    packets: evidence.length,
    evidence: ev,
  };
}

/** A small registry excerpt (names as the IEEE registry has them, checked in oui-data 2.1.9). */
export const testOui = createOuiLookup([
  ['F8C678', 'Carefusion\nSan Diego CA'],
  ['00D075', 'ALARIS MEDICAL SYSTEMS, INC.'],
  ['5842E4', 'Baxter International Inc'],
  ['00095C', 'Philips Medical Systems - Cardiac and Monitoring Systems (CM'],
  ['001788', 'Philips Lighting BV\nHigh Tech Campus 45'],
  ['5CCF7F', 'Espressif Inc.'],
  ['000C29', 'VMware, Inc.'],
  ['001906', 'Cisco Systems, Inc'],
  ['50C7BF', 'TP-LINK TECHNOLOGIES CO.,LTD.'],
  ['00B0D0', 'Dell Inc.'],
  ['70B3D5', 'IEEE Registration Authority'],
  ['70B3D536A', 'Becton Dickinson'],
  ['B0C554', 'D-Link International'],
]);

/** Deterministic Fisher-Yates with a seeded LCG (tests must not depend on Math.random). */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
