// Child process of the Zeek benchmark: import the given logs into a discovery engine and print stats.
import { DiscoveryEngine } from '../../../core/discovery/engine';
import { importZeek } from '../../../electron/services/zeek/import';

export async function run(paths: string[]) {
  const engine = new DiscoveryEngine({ source: 'zeek:bench' });
  const s = await importZeek(paths, engine);
  const devices = engine.devices().length;
  return { lines: s.lines, records: s.records, observations: s.observations, malformed: s.malformedLines, devices, sensors: s.sensors.length };
}
