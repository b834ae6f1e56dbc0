// MDS2 (Manufacturer Disclosure Statement for Medical Device Security, ANSI/NEMA HN 1-2019): one form
// per device model, about 240 yes/no questions in 23 sections, distributed as an Excel workbook. The
// rows are laid out as question id | question | answer (| note). This reader is pure: it takes the
// cell texts of a sheet (electron/services/mds2.ts reads the workbook) and sets the facts risk uses,
// each with the question that set it. Question ids are those of the HN 1-2019 form; when a form has
// other ids, the question text is recognised by its key words instead.

export interface Mds2Facts {
  maker?: string;
  model?: string;
  documentId?: string;
  storesPhi?: boolean;
  remoteService?: boolean;
  /** The hospital can install security patches itself (false: vendor-only or never). */
  patchable?: boolean;
  sbom?: boolean;
  /** For each fact, the question and answer that set it ("MPII-2.2 … = Yes"). */
  evidence: Partial<Record<'storesPhi' | 'remoteService' | 'patchable' | 'sbom', string>>;
  /** Number of questions with a yes/no answer. */
  answered: number;
  source: string;
  problems: string[];
}

interface Rule {
  fact: 'maker' | 'model' | 'documentId' | 'storesPhi' | 'remoteService' | 'patchOwner' | 'patchVendor' | 'sbom';
  ids: string[];
  text: RegExp;
}

const RULES: readonly Rule[] = [
  { fact: 'maker', ids: ['DOC-1'], text: /^manufacturer name/i },
  { fact: 'model', ids: ['DOC-3'], text: /^device model/i },
  { fact: 'documentId', ids: ['DOC-4'], text: /^document id/i },
  // MPII: management of personally identifiable information
  { fact: 'storesPhi', ids: ['MPII-2.2', 'MPII-2'], text: /(store|maintain)s?\b.*(personally identifiable|phi|patient)/i },
  // RMOT: remote service
  { fact: 'remoteService', ids: ['RMOT-1'], text: /remote service connections?/i },
  // CSUP: cyber security product upgrades
  { fact: 'patchOwner', ids: ['CSUP-2.1'], text: /owner\/?operator installation of patches/i },
  { fact: 'patchVendor', ids: ['CSUP-2.2'], text: /require vendor.*(install|apply) patches/i },
  { fact: 'sbom', ids: ['SBOM-1'], text: /\bsbom\b.*available/i },
];

function yesNo(s: string): boolean | undefined {
  const t = s.trim().toLowerCase();
  if (/^(yes|y|true|si|sí|ja|oui)\b/.test(t)) return true;
  if (/^(no|n|false|nein|non)\b/.test(t)) return false;
  return undefined;
}

const ID_RE = /^[A-Z]{3,4}-\d+(\.\d+)*$/;

/**
 * Read the rows of an MDS2 sheet (cell texts, first sheet row first). Finds the question id /
 * question / answer columns from a header row, or from where ids like "MPII-1" appear.
 */
export function parseMds2Rows(rows: readonly (readonly string[])[], source: string): Mds2Facts {
  const facts: Mds2Facts = { evidence: {}, answered: 0, source, problems: [] };
  let idCol = -1;
  let qCol = -1;
  let aCol = -1;
  const limit = Math.min(rows.length, 2000);
  for (let r = 0; r < Math.min(limit, 40) && idCol < 0; r++) {
    const row = rows[r] ?? [];
    row.forEach((c, i) => {
      const t = (c ?? '').trim().toLowerCase();
      if (/^(question\s*id|id|ref(erence)?)$/.test(t) && idCol < 0) idCol = i;
      else if (/^question$/.test(t) && qCol < 0) qCol = i;
      else if (/^(answer|response|yes\/no)/.test(t) && aCol < 0) aCol = i;
    });
    if (idCol < 0 || aCol < 0) {
      idCol = -1;
      qCol = -1;
      aCol = -1;
    }
  }
  if (idCol < 0) {
    // no header row: the id column is where "ABCD-1"-shaped cells are; question and answer follow it
    const counts = new Map<number, number>();
    for (let r = 0; r < limit; r++) (rows[r] ?? []).forEach((c, i) => ID_RE.test((c ?? '').trim()) && counts.set(i, (counts.get(i) ?? 0) + 1));
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!best || best[1] < 3) {
      facts.problems.push('no question id / question / answer columns found: not an MDS2 form?');
      return facts;
    }
    idCol = best[0];
    qCol = idCol + 1;
    aCol = idCol + 2;
  }
  // Which question set each fact: a listed id earlier in the rule's list outranks a later one
  // (MPII-2.2 "stores persistently" outranks MPII-2 "maintains", which includes volatile memory).
  const prio: Partial<Record<string, number>> = {};
  let patchOwner: { v: boolean; why: string } | undefined;
  let patchVendor: { v: boolean; why: string } | undefined;
  for (let r = 0; r < limit; r++) {
    const row = rows[r] ?? [];
    const id = (row[idCol] ?? '').trim().toUpperCase();
    const question = (qCol >= 0 ? row[qCol] ?? '' : '').trim();
    const answer = (row[aCol] ?? '').trim().slice(0, 200);
    if (!id && !question) continue;
    const yn = yesNo(answer);
    if (yn !== undefined) facts.answered++;
    const rule = RULES.find((x) => x.ids.includes(id)) ?? (ID_RE.test(id) ? undefined : RULES.find((x) => x.text.test(question)));
    if (!rule) continue;
    const why = `${id || 'question'} '${question.slice(0, 90)}${question.length > 90 ? '…' : ''}' = ${answer || '(blank)'}`;
    switch (rule.fact) {
      case 'maker':
      case 'model':
      case 'documentId':
        if (answer) facts[rule.fact] = answer;
        break;
      case 'storesPhi':
      case 'remoteService':
      case 'sbom': {
        if (yn === undefined) break;
        const p = rule.ids.includes(id) ? rule.ids.indexOf(id) : rule.ids.length;
        const cur = prio[rule.fact];
        if (cur === undefined || p < cur || (p === cur && yn)) {
          prio[rule.fact] = p;
          facts[rule.fact] = yn;
          facts.evidence[rule.fact] = why;
        }
        break;
      }
      case 'patchOwner':
        if (yn !== undefined) patchOwner = { v: yn, why };
        break;
      case 'patchVendor':
        if (yn !== undefined) patchVendor = { v: yn, why };
        break;
    }
  }
  if (patchOwner?.v) {
    facts.patchable = true;
    facts.evidence.patchable = patchOwner.why;
  } else if (patchVendor?.v || patchOwner) {
    facts.patchable = false;
    facts.evidence.patchable = [patchOwner?.why, patchVendor?.why].filter(Boolean).join('; ');
  }
  if (!facts.answered) facts.problems.push('no yes/no answers found');
  return facts;
}
