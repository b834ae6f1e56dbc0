// `wardwalk discover <capture>… [--json | --csv] [--out FILE] [--progress]`
// Prints { devices: [...], stats: {...} } as JSON (the default), or one CSV row per device.
import { parseArgs } from 'node:util';
import { discoverFiles, type DiscoveryResult } from '../services/discovery';
import type { Device } from '../../core/model/device';
import { type CliIo, outWriter } from './io';

const HELP = `usage: wardwalk discover <capture>… [--json | --csv] [--out FILE] [--progress]

Reads pcap/pcapng files (streaming; any size) and prints the devices found.
  --json        { devices: [...], stats: {...} } (default)
  --csv         one row per device: mac, ips, hostnames, router, ipOnly, packets, first/last seen, evidence
  --out FILE    write there instead of stdout
  --progress    progress on stderr even when it is not a terminal
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        progress: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`wardwalk discover: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0 || (values.json && values.csv)) {
    io.stderr(HELP);
    return 2;
  }
  const showProgress = values.progress === true || io.stderrIsTty;
  let drew = false;
  let result: DiscoveryResult;
  try {
    result = await discoverFiles(positionals, {
      progressIntervalMs: 200,
      onProgress: showProgress
        ? (p) => {
            const pct = p.bytesTotal ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 100;
            const line = `[${p.fileIndex + 1}/${p.files}] ${p.file}: ${pct}% (${(p.bytesRead / 1048576).toFixed(1)} of ${(p.bytesTotal / 1048576).toFixed(1)} MB, ${p.packets} packets)`;
            io.stderr(io.stderrIsTty ? `\r${line}\x1b[K` : `${line}\n`);
            drew = true;
          }
        : undefined,
    });
  } catch (e) {
    if (drew && io.stderrIsTty) io.stderr('\n');
    const err = e as NodeJS.ErrnoException;
    io.stderr(`wardwalk discover: ${err.code === 'ENOENT' ? `no such file: ${err.path ?? ''}` : err.message}\n`);
    return 1;
  }
  if (drew && io.stderrIsTty) io.stderr('\n');
  for (const w of result.stats.warnings) io.stderr(`warning: ${w}\n`);
  // Streamed device by device: a survey of many thousands of devices never becomes one big string.
  const out = outWriter(io, values.out);
  if (values.csv) {
    await out.write(CSV_HEAD + '\r\n');
    for (const d of result.devices) await out.write(csvRow(d) + '\r\n');
  } else {
    await out.write('{\n  "devices": [');
    for (let i = 0; i < result.devices.length; i++) await out.write((i ? ',\n    ' : '\n    ') + JSON.stringify(result.devices[i]));
    await out.write(`${result.devices.length ? '\n  ' : ''}],\n  "stats": ${JSON.stringify(result.stats, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
  }
  await out.close();
  return 0;
}

function cell(s: string): string {
  // RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
  const t = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const CSV_HEAD = 'id,mac,ips,hostnames,router,ip_only,packets,first_seen,last_seen,evidence';

export function toCsv(devices: readonly Device[]): string {
  return [CSV_HEAD, ...devices.map(csvRow)].join('\r\n') + '\r\n';
}

function csvRow(d: Device): string {
  return [
      d.id,
      d.mac ?? '',
      d.ips.join(' '),
      d.hostnames.join(' '),
      d.router ? 'yes' : '',
      d.ipOnly ? 'yes' : '',
      String(d.packets),
      new Date(d.firstSeen).toISOString(),
      new Date(d.lastSeen).toISOString(),
    d.evidence.map((e) => `${e.kind}=${e.value}`).join('; '),
  ]
    .map(cell)
    .join(',');
}
