import { describe, expect, it } from 'vitest';
import { FINGERBANK_ROWS } from './fingerbank-dhcp';
import { parseFingerbankConf } from './fingerbank-parse';

// An excerpt in Fingerbank's format (dhcp_fingerprints.conf v6.8.2, ODbL-1.0).
const CONF = `# comment
[class 1]
description=Windows
members=100-199

[class 16]
description=Dead OSes
members=1600-1699,102-106

[os 100]
description=Microsoft Windows XP (Version 5.1, 5.2)
vendor_id=<<EOT
MSFT 5.0
EOT
fingerprints=<<EOT
1,15,3,6,44,46,47,31,33,249,43
# a comment inside
1,15,3,6,44,46,47,31,33,249,43,252
EOT

[os 103]
description=Microsoft Windows 98 (Version 4.10)
fingerprints=<<EOT
1,3,6,15,44,46,47,57
not,a,list
EOT
`;

describe('parseFingerbankConf', () => {
  it('reads os entries, heredocs and class membership (narrowest range wins)', () => {
    const rows = parseFingerbankConf(CONF);
    expect(rows).toEqual([
      {
        id: 100,
        description: 'Microsoft Windows XP (Version 5.1, 5.2)',
        classId: 1,
        className: 'Windows',
        fingerprints: ['1,15,3,6,44,46,47,31,33,249,43', '1,15,3,6,44,46,47,31,33,249,43,252'],
        vendorIds: ['MSFT 5.0'],
      },
      { id: 103, description: 'Microsoft Windows 98 (Version 4.10)', classId: 16, className: 'Dead OSes', fingerprints: ['1,3,6,15,44,46,47,57'], vendorIds: [] },
    ]);
  });

  it('never throws on junk', () => {
    expect(parseFingerbankConf('')).toEqual([]);
    expect(parseFingerbankConf('[os x]\nfingerprints=<<EOT\n1,2')).toEqual([]);
    expect(parseFingerbankConf('[os 5]\nfingerprints=<<EOT\n1,2\n')[0]?.fingerprints).toEqual(['1,2']);
  });

  it('the generated table holds the whole database (238 os entries, some without fingerprints)', () => {
    expect(FINGERBANK_ROWS.length).toBeGreaterThan(200);
    expect(FINGERBANK_ROWS.find((r) => r.id === 100)?.vc).toEqual(['MSFT 5.0']);
  });
});
