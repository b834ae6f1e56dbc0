// Shared by the benchmarks: run a command under /usr/bin/time and read CPU seconds and peak RSS.
import { spawnSync } from 'node:child_process';

export interface Measure {
  wallS: number;
  cpuS: number;
  rssMb: number;
  out: string;
}

/** Run a command under /usr/bin/time (Debian package "time"); stdout is discarded unless keep. */
export function measure(cmd: string, args: string[], keep = false): Measure {
  const fmt = '__TIME__ %e %U %S %M';
  const r = spawnSync('/usr/bin/time', ['-f', fmt, cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'],
  });
  const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('__TIME__'));
  if (r.status !== 0 || !line) throw new Error(`${cmd} failed: ${r.stderr?.slice(-500)}`);
  const [, e, u, s, m] = line.split(' ');
  return { wallS: Number(e), cpuS: Number(u) + Number(s), rssMb: Number(m) / 1024, out: r.stdout ?? '' };
}
