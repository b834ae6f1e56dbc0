// Cells we write into spreadsheets and CSV files. Text that starts with = + - @ (or tab, CR, LF, NUL)
// is read by Excel and LibreOffice as a formula, and quoting alone does not stop them (OWASP ASVS
// 1.2.10, CWE-1236): such a cell gets a leading apostrophe. Host names, sysDescr and DHCP names come
// off the wire and are attacker-controlled, so every export goes through here.

// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[=+\-@\t\r\n\u0000]/;

/** A leading apostrophe on formula-looking text, so spreadsheets show it and never evaluate it. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? "'" + text : text;
}

/** Undo escapeFormula on import: "'=A1" (as our exports write it) reads back as "=A1". */
export function unescapeFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1, 2)) ? text.slice(1) : text;
}

/** One CSV field: text escaped as above, then RFC 4180 quoting when it holds a comma, quote or line break. Numbers are written as they are. */
export function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : escapeFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
