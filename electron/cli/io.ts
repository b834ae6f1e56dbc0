// Where a CLI command writes: real streams for the command line, buffers for in-process tests.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stderr is an interactive terminal (progress lines are only drawn there unless asked for). */
  stderrIsTty: boolean;
  /** Write the whole text to a file path ('-' means stdout). */
  writeFile: (path: string, text: string) => Promise<void>;
  /** A streaming writer to a file path, or stdout when path is undefined or '-'; honours back-pressure. */
  openOut?: (path?: string) => OutWriter;
}

export interface OutWriter {
  write: (s: string) => Promise<void>;
  close: () => Promise<void>;
}

function streamWriter(ws: NodeJS.WritableStream, closeIt: boolean): OutWriter {
  return {
    write: async (s) => {
      if (!ws.write(s)) await once(ws, 'drain');
    },
    close: async () => {
      if (!closeIt) return;
      ws.end();
      await once(ws, 'finish');
    },
  };
}

export function nodeIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stderrIsTty: process.stderr.isTTY === true,
    writeFile: async (path, text) => {
      if (path === '-') {
        process.stdout.write(text);
        return;
      }
      const ws = createWriteStream(path);
      ws.end(text);
      await once(ws, 'finish');
    },
    openOut: (path) => (path === undefined || path === '-' ? streamWriter(process.stdout, false) : streamWriter(createWriteStream(path), true)),
  };
}

/** io.openOut when the io has it; else a writer that collects text and hands it to writeFile/stdout at close. */
export function outWriter(io: CliIo, path?: string): OutWriter {
  if (io.openOut) return io.openOut(path);
  const parts: string[] = [];
  return {
    write: async (s) => {
      parts.push(s);
    },
    close: async () => {
      if (path && path !== '-') await io.writeFile(path, parts.join(''));
      else io.stdout(parts.join(''));
    },
  };
}
