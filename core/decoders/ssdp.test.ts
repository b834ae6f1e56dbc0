// SSDP decoder (UPnP Device Architecture 2.0 §1.2/1.3) and a property test.
import { describe, expect, it } from 'vitest';
import { bytes, decoderProperties, kv, run } from '../../test/helpers/decoder-props';
import { ssdpDecoder } from './ssdp';

const NOTIFY = bytes([
  'NOTIFY * HTTP/1.1', 'HOST: 239.255.255.250:1900', 'CACHE-CONTROL: max-age=1800',
  'LOCATION: http://192.168.1.100:49152/desc.xml', 'NT: urn:schemas-upnp-org:device:MediaServer:1', 'NTS: ssdp:alive',
  'SERVER: Linux/3.10 UPnP/1.0 PumpHub/2.4', 'USN: uuid:12345678-aaaa-bbbb-cccc-001b44113ab7::urn:schemas-upnp-org:device:MediaServer:1', '', '',
].join('\r\n'));

describe('ssdp', () => {
  it('NOTIFY: SERVER, LOCATION, NT, USN of the sender', () => {
    expect(new Set(kv(run(ssdpDecoder, NOTIFY).obs))).toEqual(new Set([
      'ssdp-location=http://192.168.1.100:49152/desc.xml', 'ssdp-nt=urn:schemas-upnp-org:device:MediaServer:1',
      'ssdp-server=Linux/3.10 UPnP/1.0 PumpHub/2.4', 'ssdp-usn=uuid:12345678-aaaa-bbbb-cccc-001b44113ab7::urn:schemas-upnp-org:device:MediaServer:1',
    ]));
  });
  it('M-SEARCH: only the searcher\'s user agent; a response: ST counts as NT', () => {
    const search = bytes('M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\nMAN: "ssdp:discover"\r\nUSER-AGENT: Win/10 UPnP/1.0\r\n\r\n');
    expect(kv(run(ssdpDecoder, search).obs)).toEqual(['http-user-agent=Win/10 UPnP/1.0']);
    const reply = bytes('HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\nSERVER: x/1 UPnP/1.0 y/2\r\n\r\n');
    expect(kv(run(ssdpDecoder, reply).obs)).toEqual(['ssdp-nt=upnp:rootdevice', 'ssdp-server=x/1 UPnP/1.0 y/2']);
    expect(run(ssdpDecoder, bytes('hello')).status).toBe('skip');
  });
  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(ssdpDecoder, NOTIFY, 0x1900);
  });
});
