// Text helpers shared by header matching, placeholders and maker names: compare the way a person
// reads ("Número de serie" = "numero de serie" = "NUMERO_DE_SERIE"), never by exact bytes.

/** Lowercase, strip accents (NFD + combining marks), ß → ss, æ → ae, ø → o. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l');
}

// Words that carry no meaning in a header ("Número DE serie", "Date d'installation", "Nr. des Geräts").
const STOP = new Set([
  'de', 'del', 'la', 'el', 'los', 'las', 'le', 'les', 'du', 'des', 'd', 'l', 'y', 'et', 'und', 'der', 'die',
  'das', 'the', 'of', 'a', 'en', 'do', 'da', 'dos', 'das', 'e', 'al', 'des', 'vom', 'im', 'für', 'fur',
]);

/**
 * Header text → space-separated tokens: folded, "N°"/"Nº"/"#"/"Nr."/"No." → "no", punctuation and
 * underscores to spaces, stop words dropped, camelCase split ("SerialNumber" → "serial number").
 */
export function headerKey(s: string): string {
  let t = s.replace(/([a-z])([A-Z])/g, '$1 $2');
  t = fold(t);
  t = t.replace(/\bn\s*[°º]/g, ' no ').replace(/[°º#№]/g, ' no ');
  t = t.replace(/[^a-z0-9]+/g, ' ');
  const out: string[] = [];
  for (const w of t.split(' ')) {
    if (!w) continue;
    let tok = w;
    if (tok === 'nr' || tok === 'nro' || tok === 'num' || tok === 'numero' || tok === 'number' || tok === 'nummer' || tok === 'numer')
      tok = 'no';
    if (STOP.has(tok)) continue;
    out.push(tok);
  }
  return out.join(' ');
}

/** Letters and digits only, folded: for maker names and placeholder checks. */
export function compactKey(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '');
}

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

// Placeholders people type for "nothing here", compared by compactKey-like folding that keeps '/'
// and '?' so that "s/n" and "?" survive. Spanish, English, French, German, Portuguese, Indonesian.
const PLACEHOLDERS = new Set([
  '', '-', '--', '---', '—', '–', '_', '.', '..', '...', '?', '??', '???', '/',
  'n/a', 'na', 'n.a', 'n.a.', 'n/d', 'nd', 'n.d', 'n.d.', 's/n', 'sn', 's/d', 'sd', 's/s', 'n/s',
  'none', 'null', 'nil', 'nan', 'unknown', 'tbd', 'not applicable', 'not available', 'no data',
  'no registra', 'no registrado', 'no aplica', 'no tiene', 'no disponible', 'sin dato', 'sin datos',
  'sin numero', 'sin serie', 'sin información', 'sin informacion', 'desconocido', 'ninguno', 'ninguna',
  'inconnu', 'non renseigne', 'non applicable', 'sans objet', 'neant', 'nc', 'n.c.',
  'k.a.', 'k.a', 'ka', 'keine angabe', 'unbekannt', 'entfallt', 'nicht vorhanden',
  'sem dados', 'nao se aplica', 'tidak ada', 'tidak diketahui',
  '#n/a', '#na', '#ref!', '#value!', '#div/0!', '#name?', '#null!', '#num!',
]);

/** True when a cell's text means "no value" ("N/A", "-", "NO REGISTRA", "s/n", "sin dato", "?"…). */
export function isPlaceholder(text: string): boolean {
  if (text.length > 24) return false; // longer than any placeholder: skip the folding
  const t = fold(text).trim().replace(/\s+/g, ' ');
  if (PLACEHOLDERS.has(t)) return true;
  // "n. d.", "N / A", "S / N"
  const squeezed = t.replace(/\s+/g, '');
  return PLACEHOLDERS.has(squeezed);
}
