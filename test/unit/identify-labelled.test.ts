// Identification on the labelled real captures (IoT Sentinel + fixture devices): the same device in
// different captures gets the same verdict, and the evaluation's gate holds (no confident-wrong
// answer, ≥ 90 % correct type where the capture carries identifying evidence).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { discoverFiles } from '../../electron/services/discovery';
import { loadOuiLookup } from '../../electron/services/oui-table';
import { identify } from '../../core/fingerprint/combine';
import { allCases, iotSentinelCases, ROOT } from '../eval/identify-cases';
import { runCases, summarize, type CaseResult } from '../eval/identify';

const verdict = (r: CaseResult | undefined) => ({
  type: r?.identity?.type?.value === 'unknown' ? undefined : r?.identity?.type?.value,
  maker: r?.identity?.maker?.value === 'unknown' ? undefined : r?.identity?.maker?.value,
  category: r?.identity?.category?.value === 'unknown' ? undefined : r?.identity?.category?.value,
});

describe('identification on labelled captures', () => {
  let results: CaseResult[] = [];
  const by = (name: string) => results.find((r) => r.c.name === name);

  it('runs every labelled case', async () => {
    results = await runCases(allCases());
    expect(results.length).toBe(allCases().length);
    expect(results.filter((r) => r.c.set === 'iot-sentinel').every((r) => r.found)).toBe(true);
  });

  it('the same device in different captures gets the same verdict', () => {
    // Same MAC, different setup captures (the hub behind a Hue switch / a D-Link door sensor).
    expect(verdict(by('HueSwitch'))).toEqual(verdict(by('HueBridge')));
    expect(verdict(by('HueBridge')).type).toBe('iot-hub');
    expect(verdict(by('D-LinkDoorSensor')).maker).toBe(verdict(by('D-LinkHomeHub')).maker);
    expect(verdict(by('D-LinkDoorSensor')).type).toBe(verdict(by('D-LinkHomeHub')).type);
    // Two units of the same model, each in its own capture.
    for (const [a, b] of [
      ['EdimaxCam1', 'EdimaxCam2'],
      ['EdnetCam1', 'EdnetCam2'],
      ['WeMoInsightSwitch', 'WeMoInsightSwitch2'],
      ['WeMoSwitch', 'WeMoSwitch2'],
      ['TP-LinkPlugHS100', 'TP-LinkPlugHS110'],
      ['SmarterCoffee', 'iKettle2'],
    ] as const) {
      expect(verdict(by(a)), `${a} vs ${b}`).toEqual(verdict(by(b)));
    }
  });

  it('both captures of the Hue bridge read together still give one iot-hub verdict', async () => {
    const dir = join(ROOT, 'test', 'fixtures', 'labelled', 'iot-sentinel');
    const { devices } = await discoverFiles([join(dir, 'HueBridge__Setup-C-12-STA.pcap'), join(dir, 'HueSwitch__Setup-A-5-STA.pcap')]);
    const hub = devices.find((d) => d.mac === '00:17:88:24:76:ff')!;
    const id = identify(hub, undefined, { oui: loadOuiLookup() });
    expect(id.type?.value).toBe('iot-hub');
    expect(id.maker?.value).toBe('Philips');
  });

  it('holds the evaluation gate: no confident-wrong answer, ≥ 90 % type accuracy with evidence', () => {
    const s = summarize(results);
    expect(s.confidentWrong.map((r) => r.c.name)).toEqual([]);
    expect(s.evCorrect / s.evN).toBeGreaterThanOrEqual(0.9);
    // Captures without type evidence come out unknown (or a generic kind), never a guess.
    for (const r of results.filter((x) => !x.c.carries && x.c.type)) expect(r.type, r.c.name).not.toBe('wrong');
  });

  it('the labelled set is what we copied (31 devices)', () => {
    expect(iotSentinelCases()).toHaveLength(31);
  });
});
