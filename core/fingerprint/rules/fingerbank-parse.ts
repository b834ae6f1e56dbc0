// Parser for Fingerbank's dhcp_fingerprints.conf (INI-like: [class N] with members=ranges, [os N] with
// description=, vendor_id=<<EOT … EOT and fingerprints=<<EOT … EOT). Used by the generator that
// writes rules/fingerbank-dhcp.ts; kept pure so it is tested here. The database is ODbL-1.0: anything
// derived from it keeps that license and its attribution (see fingerbank-dhcp.ts).

export interface FingerbankEntry {
  id: number;
  description: string;
  classId?: number;
  className?: string;
  /** Option 55 lists as written ("1,15,3,6,44,46,47,31,33,249,43"). */
  fingerprints: string[];
  /** Option 60 strings. */
  vendorIds: string[];
}

interface Section {
  kind: string;
  id: number;
  fields: Map<string, string[]>;
}

export function parseFingerbankConf(text: string): FingerbankEntry[] {
  const sections: Section[] = [];
  let cur: Section | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    const head = /^\[(\w+)\s+(\d+)\]$/.exec(line);
    if (head) {
      cur = { kind: head[1]!, id: Number(head[2]), fields: new Map() };
      sections.push(cur);
      continue;
    }
    if (!cur) continue;
    const kv = /^(\w+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!;
    const val = kv[2]!;
    const here = /^<<(\w+)$/.exec(val);
    if (here) {
      const end = here[1]!;
      const items: string[] = [];
      for (i++; i < lines.length; i++) {
        const l = lines[i]!.trim();
        if (l === end) break;
        if (l && !l.startsWith('#')) items.push(l);
      }
      cur.fields.set(key, items);
    } else {
      cur.fields.set(key, [val.trim()]);
    }
  }

  const classes: Array<{ id: number; name: string; ranges: Array<[number, number]> }> = [];
  for (const s of sections) {
    if (s.kind !== 'class') continue;
    const name = s.fields.get('description')?.[0] ?? '';
    const ranges: Array<[number, number]> = [];
    for (const part of (s.fields.get('members')?.[0] ?? '').split(',')) {
      const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
      if (m) ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
    }
    classes.push({ id: s.id, name, ranges });
  }
  // A member may fall in two classes (the "Dead OSes" class lists 102-106 inside Windows' 100-199):
  // the narrower range wins.
  const classOf = (id: number) => {
    let best: { id: number; name: string; width: number } | undefined;
    for (const c of classes) {
      for (const [a, b] of c.ranges) {
        if (id >= a && id <= b && (!best || b - a < best.width)) best = { id: c.id, name: c.name, width: b - a };
      }
    }
    return best;
  };

  const out: FingerbankEntry[] = [];
  for (const s of sections) {
    if (s.kind !== 'os') continue;
    const c = classOf(s.id);
    const entry: FingerbankEntry = {
      id: s.id,
      description: s.fields.get('description')?.[0] ?? '',
      fingerprints: (s.fields.get('fingerprints') ?? []).map((f) => f.replace(/\s+/g, '')).filter((f) => /^\d+(,\d+)*$/.test(f)),
      vendorIds: s.fields.get('vendor_id') ?? [],
    };
    if (c) {
      entry.classId = c.id;
      entry.className = c.name;
    }
    out.push(entry);
  }
  return out;
}
