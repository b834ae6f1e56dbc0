// Benchmark: importing 10 million generated Zeek log lines (conn, dns, dhcp, http, ssl, snmp across
// four sensors and several days) — throughput and peak memory — against the raw parse of the same
// files in the same run (node streaming + line split, no Zeek parsing) and `wc -l` (C, I/O bound).
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './types';
import { measure } from './measure';

const ROOT = join(import.meta.dirname, '../..');
const LINES = Number(process.env['ZEEK_BENCH_LINES'] ?? 10_000_000);

function rnd(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const HEAD = (path: string, fields: string[]) =>
  ['#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', `#path\t${path}`, '#open\t2024-05-01-00-00-00', `#fields\t${fields.join('\t')}`, `#types\t${fields.map(() => 'string').join('\t')}`].join('\n') + '\n';

const FIELDS: Record<string, string[]> = {
  conn: ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration', 'orig_bytes', 'resp_bytes', 'conn_state', 'local_orig', 'local_resp', 'missed_bytes', 'history', 'orig_pkts', 'orig_ip_bytes', 'resp_pkts', 'resp_ip_bytes', 'tunnel_parents', 'orig_l2_addr', 'resp_l2_addr'],
  dns: ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'trans_id', 'query', 'qtype_name', 'rcode_name', 'answers'],
  dhcp: ['ts', 'uids', 'client_addr', 'server_addr', 'mac', 'host_name', 'client_fqdn', 'domain', 'requested_addr', 'assigned_addr', 'lease_time', 'msg_types'],
  http: ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'method', 'host', 'uri', 'user_agent', 'status_code'],
  ssl: ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'version', 'server_name', 'established'],
  snmp: ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'version', 'community', 'display_string'],
};
const SHARE: [string, number][] = [['conn', 0.7], ['dns', 0.15], ['dhcp', 0.05], ['http', 0.05], ['ssl', 0.04], ['snmp', 0.01]];

/** Write `total` lines over 4 sensors × 2 days × 6 logs; 20,000 hosts. */
export function generateZeek(dir: string, total: number): number {
  const r = rnd(7);
  const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255 || 1}`;
  const mac = (i: number) => `00:1b:44:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
  let written = 0;
  const perFile = total / (4 * 2);
  for (let sensor = 0; sensor < 4; sensor++) {
    for (let day = 1; day <= 2; day++) {
      const d = join(dir, `sensor-${sensor}`, `2024-05-0${day}`);
      mkdirSync(d, { recursive: true });
      for (const [log, share] of SHARE) {
        const n = Math.round(perFile * share);
        const fd = openSync(join(d, `${log}.log`), 'w');
        let buf = HEAD(log, FIELDS[log]!);
        let ts = Date.UTC(2024, 4, day) / 1000;
        for (let i = 0; i < n; i++) {
          ts += 0.01;
          const h = Math.floor(r() * 20000) + 1;
          const s = Math.floor(r() * 200) + 30000;
          const t = ts.toFixed(6);
          switch (log) {
            case 'conn':
              buf += `${t}\tC${i}\t${ip(h)}\t${40000 + (i % 20000)}\t${ip(s)}\t${[80, 443, 104, 2575, 161][i % 5]}\ttcp\t-\t0.5\t100\t200\tSF\tT\tT\t0\tShADadFf\t5\t300\t5\t400\t-\t${mac(h)}\t${mac(s)}\n`;
              break;
            case 'dns':
              buf += `${t}\tC${i}\t${ip(h)}\t5353\t224.0.0.251\t5353\tudp\t0\tdevice-${h}.local\tA\tNOERROR\t${ip(h)}\n`;
              break;
            case 'dhcp':
              buf += `${t}\tC${i}\t${ip(h)}\t10.0.0.1\t${mac(h)}\tpump-${h}\t-\tward.local\t-\t${ip(h)}\t86400.0\tREQUEST,ACK\n`;
              break;
            case 'http':
              buf += `${t}\tC${i}\t${ip(h)}\t${40000 + (i % 20000)}\t${ip(s)}\t80\tGET\tpacs.ward.local\t/index\tMozilla/5.0 (Windows NT 6.1) device-${h % 50}\t200\n`;
              break;
            case 'ssl':
              buf += `${t}\tC${i}\t${ip(h)}\t${40000 + (i % 20000)}\t${ip(s)}\t443\tTLSv12\tsrv-${s}.ward.local\tT\n`;
              break;
            case 'snmp':
              buf += `${t}\tC${i}\t10.0.0.5\t50000\t${ip(s)}\t161\t2c\tpublic\tHP ETHERNET MULTI-ENVIRONMENT ${s % 10}\n`;
              break;
          }
          if (buf.length > 1 << 20) {
            writeSync(fd, buf);
            buf = '';
          }
        }
        writeSync(fd, buf + '#close\t2024-05-02-00-00-00\n');
        closeSync(fd);
        written += n;
      }
    }
  }
  return written;
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-zeek-'));
  try {
    const t0 = Date.now();
    const lines = generateZeek(dir, LINES);
    const genS = (Date.now() - t0) / 1000;
    let bytes = 0;
    const walk = (p: string): void => {
      const st = statSync(p);
      if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
      else bytes += st.size;
    };
    walk(dir);
    const runTs = join(ROOT, 'bin/run-ts.mjs');
    const ww = measure(process.execPath, [runTs, join(ROOT, 'test/bench/children/zeek-import.ts'), dir], true);
    const out = JSON.parse(ww.out) as { lines: number; observations: number; devices: number; malformed: number };
    const raw = measure(process.execPath, [runTs, join(ROOT, 'test/bench/children/zeek-lines.ts'), dir], true);
    const wc = measure('/bin/sh', ['-c', `find ${dir} -type f -exec cat {} + | wc -l`], true);
    const mb = bytes / 1024 / 1024;
    return [
      {
        name: `Zeek import: ${(lines / 1e6).toFixed(1)}M generated log lines (${mb.toFixed(0)} MB, 4 sensors × 2 days × 6 logs)`,
        metrics: {
          'wardwalk lines/CPU-s': Math.round(out.lines / ww.cpuS),
          'wardwalk MB/s (wall)': mb / ww.wallS,
          'wardwalk peak RSS MB': ww.rssMb,
          'wardwalk devices': out.devices,
          'raw parse (node line split) lines/CPU-s': Math.round(out.lines / raw.cpuS),
          'raw parse peak RSS MB': raw.rssMb,
          'wc -l lines/CPU-s': Math.round(out.lines / Math.max(wc.cpuS, 0.01)),
          'ratio wardwalk / raw parse (CPU)': ww.cpuS / raw.cpuS,
          'ratio wardwalk / wc -l (CPU)': ww.cpuS / Math.max(wc.cpuS, 0.01),
          'generation s': genS,
        },
        notes: 'CPU seconds = user + sys from /usr/bin/time, tsx start-up included in both node runs',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
