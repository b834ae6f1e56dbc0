// Benchmark: the full discovery pass (`wardwalk discover FILE --json --out /dev/null`, a fresh
// process, tsx start-up included) against tshark's bare pass (`tshark -n -r FILE -q`) and tcpdump
// (`tcpdump -n -r FILE > /dev/null`) over the same files in the same run. Each is timed with
// /usr/bin/time (CPU seconds = user + sys, peak RSS = max resident set). Inputs: a generated mixed
// capture of 1M packets (ARP, DHCP, mDNS, SSDP, DNS, TCP, UDP from 5,000 devices and a router), a
// 4M-packet one (memory must stay flat), and the 17 MB real-traffic concatenation when present
// concatenation of the real captures committed under test/fixtures (IoT Sentinel setups, tcpdump,
// Zeek and nDPI traces: Ethernet frames only), made at run time.
import { execFileSync } from 'node:child_process';
import { measure, type Measure } from './measure';
import type { BenchResult } from './types';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { readCapture } from '../../core/capture/reader';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthMix } from '../../core/capture/synth';
import { pcapFileHeader, writePcapRecordHeader } from '../../core/capture/writer';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures');

/** Concatenate every committed real Ethernet capture into one pcap (timestamps kept, files in order). */
export function concatRealCaptures(path: string): number {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.pcap(ng)?$/.test(e.name)) files.push(p);
    }
  };
  walk(join(FIXTURES, 'labelled'));
  walk(join(FIXTURES, 'pcaps'));
  walk(join(FIXTURES, 'zeek'));
  files.sort();
  const fd = openSync(path, 'w');
  writeSync(fd, pcapFileHeader());
  let n = 0;
  const hdr = new Uint8Array(16);
  for (const f of files) {
    readCapture(new Uint8Array(readFileSync(f)), (fr) => {
      if (fr.linkType !== 1) return;
      writePcapRecordHeader(hdr, 0, fr.ts, fr.data.length, fr.origLen, false, true);
      writeSync(fd, hdr);
      writeSync(fd, fr.data);
      n++;
    });
  }
  closeSync(fd);
  return n;
}

function generate(path: string, packets: number, devices: number): void {
  const fd = openSync(path, 'w');
  const buf = new Uint8Array(4 * 1024 * 1024);
  let o = 0;
  const hdr = pcapFileHeader();
  buf.set(hdr, 0);
  o = hdr.length;
  synthMix({ packets, devices, seed: 11 }, (f, ts) => {
    if (o + 16 + f.length > buf.length) {
      writeSync(fd, buf, 0, o);
      o = 0;
    }
    writePcapRecordHeader(buf, o, ts, f.length, f.length, false, true);
    buf.set(f, o + 16);
    o += 16 + f.length;
  });
  writeSync(fd, buf, 0, o);
  closeSync(fd);
}

function countPackets(file: string): number {
  // capinfos is part of tshark's package; fall back to tcpdump's count
  try {
    const out = execFileSync('capinfos', ['-c', '-M', file], { encoding: 'utf8' });
    const m = /Number of packets:\s+(\d+)/.exec(out);
    if (m) return Number(m[1]);
  } catch {
    /* fall through */
  }
  return execFileSync('tcpdump', ['-n', '-r', file], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').length - 1;
}

/** The CLI as shipped: `npm run build:cli` bundles it (no TypeScript loader at run time). */
const CLI = join(ROOT, 'out/cli/main.js');
function buildCli(): void {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
}

function benchFile(label: string, file: string): BenchResult {
  const packets = countPackets(file);
  const mb = statSync(file).size / 1048576;
  const ww = measure(process.execPath, [CLI, 'discover', file, '--json', '--out', '/dev/null']);
  const ts = measure('tshark', ['-n', '-r', file, '-q']);
  const td = measure('sh', ['-c', `tcpdump -n -r '${file}' > /dev/null 2>&1`]);
  // tshark's bare pass (-q, no taps) reads without dissecting; for scale, also a pass that
  // dissects every frame and prints the two fields discovery starts from.
  // (skipped above 1.5M packets: tshark keeps per-frame state and needs >1 GB per million frames)
  const tf: Measure | undefined = packets <= 1_500_000 ? measure('sh', ['-c', `tshark -n -r '${file}' -T fields -e eth.src -e ip.src > /dev/null 2>&1`]) : undefined;
  // the devices found (a second, untimed run to stdout)
  const res = JSON.parse(execFileSync(process.execPath, [CLI, 'discover', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 })) as { devices: unknown[]; stats: { malformed: number } };
  const pps = (m: Measure): number => Math.round(packets / Math.max(m.cpuS, 0.01));
  const mbs = (m: Measure): number => Number((mb / Math.max(m.cpuS, 0.01)).toFixed(1));
  return {
    name: `discover/${label}`,
    metrics: {
      packets,
      fileMb: Number(mb.toFixed(1)),
      devices: res.devices.length,
      wardwalkCpuS: ww.cpuS,
      wardwalkWallS: ww.wallS,
      wardwalkPktPerCpuS: pps(ww),
      wardwalkMbPerCpuS: mbs(ww),
      wardwalkPeakRssMb: Math.round(ww.rssMb),
      tsharkCpuS: ts.cpuS,
      tsharkPktPerCpuS: pps(ts),
      tsharkMbPerCpuS: mbs(ts),
      tsharkPeakRssMb: Math.round(ts.rssMb),
      ...(tf
        ? {
            tsharkFieldsCpuS: tf.cpuS,
            tsharkFieldsPktPerCpuS: pps(tf),
            tsharkFieldsPeakRssMb: Math.round(tf.rssMb),
            speedVsTsharkFields: Number((tf.cpuS / Math.max(ww.cpuS, 0.01)).toFixed(2)),
          }
        : {}),
      tcpdumpCpuS: td.cpuS,
      tcpdumpPktPerCpuS: pps(td),
      tcpdumpMbPerCpuS: mbs(td),
      tcpdumpPeakRssMb: Math.round(td.rssMb),
      speedVsTshark: Number((ts.cpuS / Math.max(ww.cpuS, 0.01)).toFixed(2)),
      speedVsTcpdump: Number((td.cpuS / Math.max(ww.cpuS, 0.01)).toFixed(2)),
      rssVsTshark: Number((ww.rssMb / Math.max(ts.rssMb, 1)).toFixed(2)),
    },
    notes:
      'CPU = user+sys of the whole process (wardwalk includes Node + tsx start-up, ~0.4 s); speedVs* > 1 means wardwalk used less CPU. tshark -q without taps does not dissect (a read pass); tsharkFields dissects every frame. tcpdump/tsharkFields run through sh (negligible).',
  };
}

export async function run(): Promise<BenchResult[]> {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'wardwalk-bench-'));
  const out: BenchResult[] = [];
  try {
    const sizes: Array<[string, number]> = [
      ['synthetic-1M', 1_000_000],
      ['synthetic-4M', 4_000_000],
    ];
    for (const [label, n] of sizes) {
      if (process.env.BENCH_QUICK && n > 1_000_000) continue;
      const f = join(dir, `${label}.pcap`);
      generate(f, n, 5000);
      out.push(benchFile(label, f));
      rmSync(f);
    }
    const real = join(dir, 'real-fixtures.pcap');
    concatRealCaptures(real);
    out.push(benchFile('real-fixture-captures', real));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
