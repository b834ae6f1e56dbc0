// HTTP/1.x decoder (RFC 9112 request line, header fields) and a property test.
import { describe, expect, it } from 'vitest';
import { bytes, decoderProperties, kv, run } from '../../test/helpers/decoder-props';
import { httpDecoder, looksLikeHttp } from './http';

const REQ = bytes('GET /status HTTP/1.1\r\nHost: pump-7.ward\r\nUser-Agent: PumpAgent/3.2 (ARM; QNX 6.5)\r\nAccept: */*\r\n\r\nbody-is-never-read');
const RESP = bytes('HTTP/1.1 200 OK\r\nServer: GoAhead-Webs\r\nContent-Type: text/html\r\n\r\n<html>PHI?</html>');

describe('http', () => {
  it('request: User-Agent and Host of the client', () => {
    expect(kv(run(httpDecoder, REQ).obs)).toEqual(['http-host=pump-7.ward', 'http-user-agent=PumpAgent/3.2 (ARM; QNX 6.5)']);
  });
  it('response: Server of the server; the body is never read', () => {
    const { obs } = run(httpDecoder, RESP);
    expect(kv(obs)).toEqual(['http-server=GoAhead-Webs']);
    expect(JSON.stringify(obs)).not.toContain('PHI');
  });
  it('sniffing and refusals', () => {
    expect(looksLikeHttp(bytes('POST /x HTTP/1.0\r\n'))).toBe(true);
    expect(looksLikeHttp(bytes('\x16\x03\x01\x00'))).toBe(false);
    expect(run(httpDecoder, bytes('GETTING something\r\n')).status).toBe('skip');
    expect(run(httpDecoder, bytes('GET / SMTP/1.0\r\n\r\n')).status).toBe('violation');
  });
  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(httpDecoder, REQ, 0x80);
    decoderProperties(httpDecoder, RESP, 0x8080);
  });
});
