// NBNS decoder: annotated hex (RFC 1002 §4.2) and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run } from '../../test/helpers/decoder-props';
import { nbnsDecoder } from './nbns';

// "PUMP7<00>" first-level encoded (RFC 1001 §14.1): each nibble + 'A'.
const PUMP7 = '20 46414646454e4641444843414341434143414341434143414341434143414141 00';

const REGISTRATION = hex(`
  1234 2910 0001 0000 0000 0001   # id, flags: request, opcode 5 (registration), RD, B; 1 question, 1 additional
  ${PUMP7} 0020 0001              # question: PUMP7<00>, NB, IN
  c00c 0020 0001 000493e0 0006    # additional: pointer to the name, NB, IN, TTL, rdlength 6
  0000 c0a80164                   # NB flags (unique, B-node), address 192.168.1.100
`);

const QUERY = hex(`
  1235 0110 0001 0000 0000 0000   # query, RD, B
  ${PUMP7} 0020 0001
`);

describe('nbns', () => {
  it('a registration names its sender', () => {
    const { status, obs } = run(nbnsDecoder, REGISTRATION);
    expect(status).toBe('ok');
    expect(obs.map((o) => [o.kind, o.value, o.ip, o.mac])).toEqual([['nbns-name', 'PUMP7', '192.168.1.100', '00:1b:44:11:3a:b7']]);
  });

  it('a query is a name the sender asked for', () => {
    expect(kv(run(nbnsDecoder, QUERY).obs)).toEqual(['dns-query=PUMP7']);
  });

  it('group names are not host names', () => {
    const g = REGISTRATION.slice();
    g[g.length - 6] = 0x80; // G bit
    expect(run(nbnsDecoder, g).obs).toEqual([]);
  });

  it('a node-status (NBSTAT) response lists the responder\'s own names; group and <03> names are dropped', () => {
    const name = (n: string, suffix: string, flags: string): string => hexOf(n.padEnd(15, ' ')) + suffix + flags;
    const nbstat = hex(`
      1236 8400 0000 0001 0000 0000          # response, AA, 1 answer
      20 ${'434b' + '4141'.repeat(15)} 00     # "*" (wildcard) name
      0021 0001 00000000 0041                # NBSTAT, IN, TTL 0, rdlength 65
      03                                     # 3 names:
      ${name('WARD4-PC', '00', '0400')}       #   WARD4-PC<00> unique, active
      ${name('WORKGROUP', '00', '8400')}      #   WORKGROUP<00> group
      ${name('NURSE', '03', '0400')}          #   NURSE<03> (a user name: dropped)
      001b44113ab7 ${'00'.repeat(4)}          # unit id (MAC) + start of statistics
    `);
    expect(kv(run(nbnsDecoder, nbstat).obs)).toEqual(['nbns-name=WARD4-PC']);
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(nbnsDecoder, REGISTRATION, 0x137);
  });
});
