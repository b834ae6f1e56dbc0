// Operating systems out of vendor support, as data with the vendor's own lifecycle page as source.
// Dates are the end of (extended) support for the general product; paid extended-security-update
// programmes (Windows 7 ESU and the like) are noted, not counted as support.

export interface EndOfSupportEntry {
  id: string;
  name: string;
  /** Matched against the OS text (sysDescr, DHCP vendor class, SMB OS string, inventory "OS" cell). */
  pattern: RegExp;
  /** ISO date support ended. */
  since: string;
  source: string;
  note?: string;
}

const MS = 'https://learn.microsoft.com/en-us/lifecycle/products/';

// Order matters: specific names before general ones ("Windows Server 2008 R2" before "Windows Server
// 2008", "Windows 10 … 1809" and "LTSC" before "Windows 10").
export const END_OF_SUPPORT: readonly EndOfSupportEntry[] = [
  { id: 'win-ce-6', name: 'Windows Embedded CE 6.0', pattern: /\bwindows\s*ce\s*6|\bwince\s*6/i, since: '2018-04-10', source: MS + 'windows-embedded-ce-60' },
  { id: 'win-compact-7', name: 'Windows Embedded Compact 7', pattern: /\b(windows\s*embedded\s*compact\s*7|windows\s*ce\s*7|wince\s*7)\b/i, since: '2021-04-13', source: MS + 'windows-embedded-compact-7' },
  { id: 'win-xp-embedded', name: 'Windows XP Embedded', pattern: /\bwindows\s*xp\s*embedded\b|\bxpe\b/i, since: '2016-01-12', source: MS + 'windows-xp-embedded' },
  { id: 'win-embedded-2009', name: 'Windows Embedded Standard 2009', pattern: /\b(windows\s*)?embedded\s*standard\s*2009\b|\bwes\s*2009\b/i, since: '2019-01-08', source: MS + 'windows-embedded-standard-2009' },
  { id: 'win-posready-2009', name: 'Windows Embedded POSReady 2009', pattern: /\bposready\s*2009\b/i, since: '2019-04-09', source: MS + 'windows-embedded-posready-2009' },
  { id: 'win-embedded-7', name: 'Windows Embedded Standard 7', pattern: /\b(windows\s*)?embedded\s*standard\s*7\b|\bwes\s*7\b|\bwindows\s*7\s*embedded\b/i, since: '2020-10-13', source: MS + 'windows-embedded-standard-7' },
  { id: 'win-2000', name: 'Windows 2000', pattern: /\bwindows\s*(nt\s*5\.0|2000)\b|\bwin2k\b/i, since: '2010-07-13', source: MS + 'windows-2000' },
  { id: 'win-server-2003', name: 'Windows Server 2003', pattern: /\bwindows\s*server\s*2003\b|\bwin(dows)?\s*2003\b/i, since: '2015-07-14', source: MS + 'windows-server-2003-' },
  { id: 'win-xp', name: 'Windows XP', pattern: /\bwindows\s*(xp|nt\s*5\.[12])\b|\bwinxp\b/i, since: '2014-04-08', source: MS + 'windows-xp' },
  { id: 'win-server-2008', name: 'Windows Server 2008 / 2008 R2', pattern: /\bwindows\s*server\s*2008\b|\bwin(dows)?\s*2008\b/i, since: '2020-01-14', source: MS + 'windows-server-2008-r2', note: 'paid ESU ended 2023-01-10 (2024-01-09 on Azure)' },
  { id: 'win-vista', name: 'Windows Vista', pattern: /\bwindows\s*(vista|nt\s*6\.0)\b/i, since: '2017-04-11', source: MS + 'windows-vista' },
  { id: 'win-7', name: 'Windows 7', pattern: /\bwindows\s*(7|nt\s*6\.1)\b|\bwin\s*7\b/i, since: '2020-01-14', source: MS + 'windows-7', note: 'paid ESU ended 2023-01-10' },
  { id: 'win-server-2012', name: 'Windows Server 2012 / 2012 R2', pattern: /\bwindows\s*server\s*2012\b/i, since: '2023-10-10', source: MS + 'windows-server-2012-r2', note: 'paid ESU runs to 2026-10-13' },
  { id: 'win-8', name: 'Windows 8', pattern: /\bwindows\s*(8|nt\s*6\.2)(?!\.1)\b/i, since: '2016-01-12', source: MS + 'windows-8' },
  { id: 'win-8.1', name: 'Windows 8.1', pattern: /\bwindows\s*(8\.1|nt\s*6\.3)\b/i, since: '2023-01-10', source: MS + 'windows-81' },
  { id: 'win-10-ltsc-2019', name: 'Windows 10 Enterprise LTSC 2019', pattern: /\bwindows\s*10\b.*\bltsc\s*2019\b/i, since: '2029-01-09', source: MS + 'windows-10-enterprise-ltsc-2019' },
  { id: 'win-10-ltsc-2021', name: 'Windows 10 Enterprise LTSC 2021', pattern: /\bwindows\s*10\b.*\bltsc\s*2021\b/i, since: '2027-01-12', source: MS + 'windows-10-enterprise-ltsc-2021' },
  { id: 'win-10-ltsb-2016', name: 'Windows 10 Enterprise LTSB 2016', pattern: /\bwindows\s*10\b.*\bltsb\s*2016\b/i, since: '2026-10-13', source: MS + 'windows-10-enterprise-ltsb-2016' },
  { id: 'win-10-ltsb-2015', name: 'Windows 10 Enterprise LTSB 2015', pattern: /\bwindows\s*10\b.*\bltsb\s*2015\b/i, since: '2025-10-14', source: MS + 'windows-10-enterprise-ltsb-2015' },
  { id: 'win-10-1809', name: 'Windows 10 version 1809', pattern: /\bwindows\s*10\b.*\b1809\b(?!.*\blts[bc]\b)/i, since: '2021-05-11', source: MS + 'windows-10-enterprise-and-education', note: 'Enterprise/Education; Home/Pro ended 2020-11-10' },
  { id: 'win-10', name: 'Windows 10', pattern: /\bwindows\s*10\b(?!.*\blts[bc]\b)/i, since: '2025-10-14', source: MS + 'windows-10-home-and-pro', note: 'paid ESU available to 2026-10-13' },
  { id: 'centos-6', name: 'CentOS 6', pattern: /\bcentos\s*(linux\s*)?(release\s*)?6(\.\d+)?\b/i, since: '2020-11-30', source: 'https://www.centos.org/centos-linux-eol/' },
  { id: 'centos-7', name: 'CentOS 7', pattern: /\bcentos\s*(linux\s*)?(release\s*)?7(\.\d+)?\b/i, since: '2024-06-30', source: 'https://www.centos.org/centos-linux-eol/' },
  { id: 'centos-8', name: 'CentOS Linux 8', pattern: /\bcentos\s*(linux\s*)?(release\s*)?8(\.\d+)?\b/i, since: '2021-12-31', source: 'https://www.centos.org/centos-linux-eol/' },
  { id: 'rhel-6', name: 'Red Hat Enterprise Linux 6', pattern: /\b(red\s*hat\s*enterprise\s*linux|rhel)\s*(server\s*)?(release\s*)?6(\.\d+)?\b/i, since: '2020-11-30', source: 'https://access.redhat.com/support/policy/updates/errata' },
  { id: 'rhel-7', name: 'Red Hat Enterprise Linux 7', pattern: /\b(red\s*hat\s*enterprise\s*linux|rhel)\s*(server\s*)?(release\s*)?7(\.\d+)?\b/i, since: '2024-06-30', source: 'https://access.redhat.com/support/policy/updates/errata', note: 'paid ELS available' },
  { id: 'ubuntu-16.04', name: 'Ubuntu 16.04', pattern: /\bubuntu\s*16\.04\b/i, since: '2021-04-30', source: 'https://ubuntu.com/about/release-cycle' },
  { id: 'ubuntu-18.04', name: 'Ubuntu 18.04', pattern: /\bubuntu\s*18\.04\b/i, since: '2023-05-31', source: 'https://ubuntu.com/about/release-cycle' },
  { id: 'ubuntu-14.04', name: 'Ubuntu 14.04', pattern: /\bubuntu\s*14\.04\b/i, since: '2019-04-30', source: 'https://ubuntu.com/about/release-cycle' },
  { id: 'debian-9', name: 'Debian 9', pattern: /\bdebian\s*(gnu\/linux\s*)?9\b|\bstretch\b/i, since: '2022-06-30', source: 'https://wiki.debian.org/LTS' },
  { id: 'debian-10', name: 'Debian 10', pattern: /\bdebian\s*(gnu\/linux\s*)?10\b|\bbuster\b/i, since: '2024-06-30', source: 'https://wiki.debian.org/LTS' },
];

// kernel.org longterm series and when each stopped receiving fixes (kernel.org/category/releases.html).
const KERNEL_LTS: readonly { series: [number, number]; eol: string }[] = [
  { series: [2, 6], eol: '2016-03-12' },
  { series: [3, 16], eol: '2020-06-11' },
  { series: [4, 4], eol: '2022-02-03' },
  { series: [4, 9], eol: '2023-01-07' },
  { series: [4, 14], eol: '2024-01-10' },
  { series: [4, 19], eol: '2024-12-05' },
  { series: [5, 4], eol: '2025-12-03' },
  { series: [5, 10], eol: '2026-12-31' },
];

export interface EndOfSupport {
  id: string;
  os: string;
  since: string;
  source: string;
  reason: string;
}

/**
 * Is this OS text an operating system out of support on `today` (ISO date)? The dates are data;
 * `today` is passed in so the answer is reproducible.
 */
export function findEndOfSupport(osText: string | undefined, today: string): EndOfSupport | undefined {
  if (!osText) return undefined;
  const t = osText.slice(0, 300);
  for (const e of END_OF_SUPPORT) {
    if (!e.pattern.test(t)) continue;
    if (e.since > today) return undefined; // the most specific entry says it is still supported
    return {
      id: e.id,
      os: e.name,
      since: e.since,
      source: e.source,
      reason: `${e.name}: out of vendor support since ${e.since}${e.note ? ` (${e.note})` : ''}`,
    };
  }
  const k = t.match(/\blinux\b[^0-9]{0,20}(\d+)\.(\d+)(?:\.\d+)?/i) ?? t.match(/\bkernel\s*(\d+)\.(\d+)/i);
  if (k) {
    const maj = Number(k[1]);
    const min = Number(k[2]);
    if (maj >= 2 && maj <= 9) {
      // the longterm series that would carry this version (the first LTS at or above it)
      const lts = KERNEL_LTS.find((x) => maj < x.series[0] || (maj === x.series[0] && min <= x.series[1]));
      if (lts && lts.eol <= today) {
        return {
          id: `linux-${lts.series.join('.')}`,
          os: `Linux kernel ${maj}.${min}`,
          since: lts.eol,
          source: 'https://www.kernel.org/category/releases.html',
          reason: `Linux kernel ${maj}.${min}: no longterm support after ${lts.eol} (last series ${lts.series.join('.')})`,
        };
      }
    }
  }
  return undefined;
}
