import { describe, expect, it } from 'vitest';
import { devicesFromProbe } from './evidence';
import type { PlanView, ProbeFinished } from './state';

const entry = (id: string, ip: string, deviceId?: string, mac?: string): PlanView['entries'][number] => ({
  id,
  target: { ip, ...(deviceId ? { deviceId } : {}), ...(mac ? { mac } : {}) },
  kind: 'snmp-get-system',
  port: 161,
  tls: false,
  why: '',
  sends: '',
  packets: 2,
  rate: '',
  snmpVersion: 'v2c',
});

const plan = {
  entries: [entry('p:1', '10.0.0.5', 'dev_001122334455', '00:11:22:33:44:55'), entry('p:2', '10.0.0.9'), entry('p:3', '10.0.0.7')],
} as unknown as PlanView;

const obs = (ip: string, kind: string, value: string, mac?: string) => ({ ip, kind, value, proto: 'probe-snmp', source: 'probe' as const, ts: 1000, ...(mac ? { mac } : {}) });

describe('devicesFromProbe', () => {
  it('files each answer under the device it was planned for, as probe evidence', () => {
    const finished: ProbeFinished = {
      runId: 'r',
      stopped: false,
      startedAt: 0,
      finishedAt: 1,
      packets: 4,
      observations: [],
      results: [
        { entryId: 'p:1', kind: 'snmp-get-system', ip: '10.0.0.5', port: 161, status: 'done', outcome: 'answered', observations: [obs('10.0.0.5', 'snmp-sys-descr', 'Alaris GW 8000'), obs('10.0.0.5', 'snmp-sys-location', 'Ward 3B\u0000'), obs('10.0.0.5', 'not-a-kind', 'x')] },
        // an address ARP reached in a subnet plan: keyed by the MAC its answer names
        { entryId: 'p:2', kind: 'snmp-get-system', ip: '10.0.0.9', port: 161, status: 'done', outcome: 'answered', observations: [obs('10.0.0.9', 'snmp-sys-name', 'gw', 'AA:BB:CC:00:00:01')] },
        // no device and no MAC: not stored
        { entryId: 'p:3', kind: 'snmp-get-system', ip: '10.0.0.7', port: 161, status: 'done', outcome: 'answered', observations: [obs('10.0.0.7', 'snmp-sys-name', 'x')] },
        { entryId: 'p:1', kind: 'snmp-get-system', ip: '10.0.0.5', port: 161, status: 'failed', outcome: 'timeout', observations: [] },
      ],
    };
    const r = devicesFromProbe(finished, plan);
    expect(r.unmatched).toBe(1);
    expect(r.facts).toBe(3);
    const d = r.devices.find((x) => x.id === 'dev_001122334455')!;
    expect(d.ips).toEqual(['10.0.0.5']);
    expect(d.evidence.map((e) => [e.kind, e.value, e.source])).toEqual([
      ['snmp-sys-descr', 'Alaris GW 8000', 'probe'],
      ['snmp-sys-location', 'Ward 3B', 'probe'],
    ]);
    const n = r.devices.find((x) => x.id === 'dev_aabbcc000001')!;
    expect(n.mac).toBe('aa:bb:cc:00:00:01');
    expect(n.evidence[0]!.kind).toBe('snmp-sys-name');
  });
});
