// `wardwalk discover <capture | zeek log | log folder | log archive>… [--json | --csv] [--out FILE]`
// Prints { devices: [...], stats: {...} } as JSON (the default), or one CSV row per device, each
// device with its identification (type, maker, model, OS… with confidence and reasons).
import { parseArgs } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { discoverFiles, type DiscoveryResult } from '../services/discovery';
import { importZeek, isZeekName, type ZeekImportStats } from '../services/zeek/import';
import { DiscoveryEngine } from '../../core/discovery/engine';
import { identifyAll } from '../../core/fingerprint/combine';
import { IDENTITY_COLUMNS, identityColumns } from '../../core/fingerprint/summary';
import { loadOuiLookup } from '../services/oui-table';
import type { SiteMap } from '../../core/zeek/ingest';
import type { Device } from '../../core/model/device';
import { type CliIo, outWriter } from './io';
import { csvCell } from '../../core/model/cells';

const HELP = `usage: wardwalk discover <input>… [--json | --csv] [--out FILE] [--progress] [--sensor NAME] [--sites FILE]

Reads pcap/pcapng captures (streaming; any size) and Zeek logs — plain, rotated and gzipped
(conn.log, dhcp.log.gz…), JSON lines, folders of days and sensors, .tar/.tar.gz archives — and
prints the devices found with their identification and its evidence.
  --json        { devices: [...], stats: {...} } (default)
  --csv         one row per device: mac, ips, hostnames, identification, evidence
  --out FILE    write there instead of stdout
  --progress    progress on stderr even when it is not a terminal
  --sensor NAME Zeek sensor name for every log (default: JSON _system_name, else the log's folder)
  --sites FILE  JSON {"sensors": {"<sensor>": "<site>"}, "subnets": {"10.1.0.0/16": "<site>"}}
`;

function isZeekInput(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) return true;
  } catch {
    return false;
  }
  return isZeekName(path);
}

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
        sensor: { type: 'string' },
        sites: { type: 'string' },
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
  let siteMap: SiteMap | undefined;
  if (values.sites) {
    try {
      siteMap = JSON.parse(readFileSync(values.sites, 'utf8')) as SiteMap;
    } catch (e) {
      io.stderr(`wardwalk discover: --sites ${values.sites}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const zeekInputs = positionals.filter(isZeekInput);
  const captures = positionals.filter((p) => !zeekInputs.includes(p));
  const showProgress = values.progress === true || io.stderrIsTty;
  let drew = false;
  let result: DiscoveryResult;
  let zeek: ZeekImportStats | undefined;
  const engine = new DiscoveryEngine({ source: 'pcap' });
  try {
    if (zeekInputs.length) {
      zeek = await importZeek(zeekInputs, engine, {
        ...(values.sensor ? { sensor: values.sensor } : {}),
        ...(siteMap ? { siteMap } : {}),
        ...(showProgress
          ? {
              onProgress: (p) => {
                const line = `${p.file}: ${Math.floor((100 * p.bytesRead) / Math.max(1, p.bytesTotal))}% (${p.lines} lines)`;
                io.stderr(io.stderrIsTty ? `\r${line}\x1b[K` : `${line}\n`);
                drew = true;
              },
            }
          : {}),
      });
    }
    result = await discoverFiles(captures, {
      engine,
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
  if (zeek) {
    result.stats.warnings.push(...zeek.warnings);
    (result.stats as DiscoveryResult['stats'] & { zeek?: unknown }).zeek = {
      files: zeek.files, lines: zeek.lines, records: zeek.records, observations: zeek.observations, malformedLines: zeek.malformedLines,
      byType: zeek.byType, unknownTypes: zeek.unknownTypes, sensors: zeek.sensors,
    };
  }
  for (const w of result.stats.warnings) io.stderr(`warning: ${w}\n`);
  result = { ...result, devices: identifyAll(result.devices, loadOuiLookup()) };
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

const CSV_HEAD = ['id', 'mac', 'ips', 'hostnames', 'router', 'ip_only', 'packets', 'first_seen', 'last_seen', ...IDENTITY_COLUMNS, 'evidence'].join(',');

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
      ...((cols) => IDENTITY_COLUMNS.map((c) => cols[c] ?? ''))(identityColumns(d.identity)),
    d.evidence.map((e) => `${e.kind}=${e.value}`).join('; '),
  ]
    .map((s) => csvCell(s))
    .join(',');
}
