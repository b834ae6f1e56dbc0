// The `wardwalk` command line (bin/wardwalk.mjs loads this file through tsx).
//
// Subcommands come from one table, COMMANDS below: name → { summary, load }. To add one (e.g.
// `inventory`, `match`), write electron/cli/<name>.ts exporting
//     export async function run(args: string[], io: CliIo): Promise<number>   // exit code
// and add a line to COMMANDS: `inventory: { summary: '…', load: () => import('./inventory') }`.
// Modules load lazily, so one subcommand's dependencies never slow down another. Output goes to
// io.stdout / io.stderr (never console.log), so the commands can be tested in-process too.
import type { CliIo } from './io';
import { nodeIo } from './io';

export interface CliCommand {
  summary: string;
  load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }>;
}

export const COMMANDS: Record<string, CliCommand> = {
  discover: { summary: 'discover devices in capture files (pcap, pcapng)', load: () => import('./discover') },
  match: { summary: 'match an inventory against CSAF medical advisories (CVEs, CVSS, version verdict)', load: () => import('./match') },
  inventory: { summary: 'read an inventory workbook (.xlsx/.xlsm/.xls/.csv) and print its assets and problem rows', load: () => import('./inventory') },
};

function usage(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'usage: wardwalk <command> [options]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(w)}  ${c.summary}`),
    '',
    'wardwalk <command> --help for its options',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage() + '\n');
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr(`wardwalk: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  const mod = await cmd.load();
  return mod.run(rest, io);
}

// Run directly (`npx tsx electron/cli/main.ts …`); bin/wardwalk.mjs imports main() instead.
const isEntry = process.argv[1] !== undefined && /cli[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`wardwalk: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
