// Operating systems: one spelling per OS (so "Windows NT 6.1" from a User-Agent and "Windows 7" from a
// DHCP fingerprint agree), and the end-of-support dates of the ones hospitals still run.
import type { SourceId } from './sources';

const NT_NAMES: Record<string, string> = {
  '4.0': 'Windows NT 4',
  '5.0': 'Windows 2000',
  '5.1': 'Windows XP',
  '5.2': 'Windows XP x64 / Server 2003',
  '6.0': 'Windows Vista / Server 2008',
  '6.1': 'Windows 7 / Server 2008 R2',
  '6.2': 'Windows 8 / Server 2012',
  '6.3': 'Windows 8.1 / Server 2012 R2',
  '10.0': 'Windows 10/11',
};

/** Canonical OS text: "Windows NT 6.1" → "Windows 7 / Server 2008 R2"; Fingerbank's "Microsoft Windows XP (Version 5.1, 5.2)" → "Windows XP". */
export function normalizeOs(s: string): string {
  let t = s.replace(/\s+/g, ' ').trim();
  const nt = /^Windows NT (\d+\.\d+)$/i.exec(t);
  if (nt && NT_NAMES[nt[1]!]) return NT_NAMES[nt[1]!]!;
  t = t.replace(/^Microsoft\s+/i, '').replace(/\s*\((Version|Build)[^)]*\)\s*$/i, '');
  return t;
}

export interface EndOfSupport {
  pattern: RegExp;
  os: string;
  /** ISO date support ended. */
  since: string;
  source: SourceId;
  note?: string;
}

/** Ordered: the first match wins. Dates from the vendors' lifecycle pages. */
export const END_OF_SUPPORT: readonly EndOfSupport[] = [
  { pattern: /\bWindows (95|98|ME|NT 4)\b/i, os: 'Windows 9x / NT 4', since: '2006-07-11', source: 'ms-lifecycle' },
  { pattern: /\bWindows 2000\b/i, os: 'Windows 2000', since: '2010-07-13', source: 'ms-lifecycle' },
  { pattern: /\bWindows XP\b/i, os: 'Windows XP', since: '2014-04-08', source: 'ms-lifecycle', note: 'XP Embedded: 2016-01-12' },
  { pattern: /\bServer 2003\b/i, os: 'Windows Server 2003', since: '2015-07-14', source: 'ms-lifecycle' },
  { pattern: /\bVista\b/i, os: 'Windows Vista', since: '2017-04-11', source: 'ms-lifecycle' },
  { pattern: /\bEmbedded (Standard )?7\b|\bPOSReady 7\b/i, os: 'Windows Embedded Standard 7', since: '2020-10-13', source: 'ms-lifecycle' },
  { pattern: /\bWindows 7\b/i, os: 'Windows 7', since: '2020-01-14', source: 'ms-lifecycle', note: 'paid ESU ended 2023-01-10' },
  { pattern: /\bServer 2008\b/i, os: 'Windows Server 2008', since: '2020-01-14', source: 'ms-lifecycle' },
  { pattern: /\bWindows 8\.1\b/i, os: 'Windows 8.1', since: '2023-01-10', source: 'ms-lifecycle' },
  { pattern: /\bWindows 8\b/i, os: 'Windows 8', since: '2016-01-12', source: 'ms-lifecycle' },
  { pattern: /\bServer 2012\b/i, os: 'Windows Server 2012', since: '2023-10-10', source: 'ms-lifecycle' },
  { pattern: /\bWindows 10\b(?!\/11)/i, os: 'Windows 10', since: '2025-10-14', source: 'ms-lifecycle', note: 'ESU and LTSC editions continue' },
  { pattern: /\bLinux [23]\.\d+/i, os: 'Linux 2.x/3.x kernel', since: '2020-06-30', source: 'kernel-releases', note: 'last 3.x longterm (3.16) ended June 2020' },
];

export function endOfSupport(os: string): EndOfSupport | undefined {
  return END_OF_SUPPORT.find((e) => e.pattern.test(os));
}
