// Peer of the Zeek benchmark: the raw parse — stream the same files and split them into lines
// (no Zeek parsing, no discovery), to show what the pipeline costs above reading text.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineSplitter } from '../../../core/zeek/lines';

function files(p: string): string[] {
  return statSync(p).isDirectory() ? readdirSync(p).flatMap((e) => files(join(p, e))) : [p];
}

export async function run(paths: string[]) {
  let lines = 0;
  for (const f of paths.flatMap(files)) {
    const s = new LineSplitter(new TextDecoder('utf-8'), () => void lines++);
    for await (const c of createReadStream(f, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) s.push(c);
    s.end();
  }
  return { lines };
}
