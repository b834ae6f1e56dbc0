// No PHI (issue #3 §4): generated captures carry marker strings in the places patient data lives —
// HL7 PID/OBX segments (also when the sender separates segments with LF, forgets the terminator, or
// splits the message across TCP segments) and DICOM P-DATA-TF datasets and dropped association items.
// Every observation produced from them, by the lenient walker and by packet.ts, is serialised and
// searched for the markers.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../helpers/app-capture';
import type { Endpoint } from '../../helpers/frames';
import { ascii, ipv4Frame, pcapOf } from '../../helpers/frames';

const MARKERS = ['PHIMARKER', 'DOE^JOHN', '19700101', 'MRN-424242'];
const monitor: Endpoint = { mac: '00:1b:44:11:3a:b7', ip: '10.20.0.5', port: 40000 };
const engine: Endpoint = { mac: '00:50:56:aa:bb:cc', ip: '10.20.0.9', port: 2575 };

function mllp(msg: string): Uint8Array {
  return ascii('\x0b' + msg + '\x1c\r');
}

const MSH = 'MSH|^~\\&|PHILIPS_IIC^1.2^ISO|ICU-3|CERNER|GENERAL HOSPITAL|20240101120000||ORU^R01^ORU_R01|MSG0001|P|2.6';
const PID = 'PID|1||MRN-424242^^^HOSP^MR||PHIMARKER-DOE^JOHN^Q||19700101|M|||1 PHIMARKER STREET';
const OBX = 'OBX|1|NM|8867-4^Heart rate^LN||72|/min|||||F|||20240101120000||PHIMARKER-DOE^JOHN';

function hl7Frames(): Uint8Array[] {
  const segs = [
    mllp(`${MSH}\r${PID}\r${OBX}\r`), // standard CR separators
    mllp(`${MSH}\n${PID}\n${OBX}\n`), // LF separators from a sloppy sender
    mllp(`${MSH}|${PID}|${OBX}`), // no segment terminator at all: MSH-13+ would be PID
    ascii(`${MSH}\r${PID}\r`), // bare HL7 without MLLP framing
  ];
  const frames = segs.map((p, i) => ipv4Frame({ ...monitor, port: monitor.port + i }, engine, 6, p));
  // a message split across two segments: the second starts inside PID
  const whole = mllp(`${MSH}\r${PID}\r${OBX}\r`);
  const cut = MSH.length + 10;
  frames.push(ipv4Frame({ ...monitor, port: 41000 }, engine, 6, whole.subarray(0, cut), 1));
  frames.push(ipv4Frame({ ...monitor, port: 41000 }, engine, 6, whole.subarray(cut), 1 + cut));
  // the ACK with the marker echoed in an ERR segment
  frames.push(ipv4Frame(engine, monitor, 6, mllp(`MSH|^~\\&|CERNER|GENERAL HOSPITAL|PHILIPS_IIC|ICU-3|20240101120001||ACK^R01|A1|P|2.6\rMSA|AA|MSG0001|PHIMARKER-DOE^JOHN\r`)));
  return frames;
}

/** DICOM PS3.8 item: type, reserved, 2-byte length, value. */
function item(type: number, value: Uint8Array): Uint8Array {
  const b = new Uint8Array(4 + value.length);
  b[0] = type;
  b[2] = value.length >> 8;
  b[3] = value.length & 255;
  b.set(value, 4);
  return b;
}
function cat(...p: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(p.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of p) {
    out.set(x, o);
    o += x.length;
  }
  return out;
}
function pdu(type: number, body: Uint8Array): Uint8Array {
  const b = new Uint8Array(6 + body.length);
  b[0] = type;
  const l = body.length;
  b.set([(l >>> 24) & 255, (l >>> 16) & 255, (l >>> 8) & 255, l & 255], 2);
  b.set(body, 6);
  return b;
}
function ae(s: string): Uint8Array {
  return ascii(s.padEnd(16, ' '));
}

export function associateRq(called: string, calling: string, extraUserItems: Uint8Array[] = []): Uint8Array {
  const fixed = cat(Uint8Array.from([0, 1, 0, 0]), ae(called), ae(calling), new Uint8Array(32));
  const app = item(0x10, ascii('1.2.840.10008.3.1.1.1'));
  const pc = item(0x20, cat(Uint8Array.from([1, 0, 0, 0]), item(0x30, ascii('1.2.840.10008.1.1')), item(0x40, ascii('1.2.840.10008.1.2'))));
  const user = item(0x50, cat(item(0x51, Uint8Array.from([0, 0, 0x40, 0])), item(0x52, ascii('1.2.826.0.1.3680043.2.1143')), item(0x55, ascii('WARD_TEST_1')), ...extraUserItems));
  return pdu(0x01, cat(fixed, app, pc, user));
}

function dicomFrames(): Uint8Array[] {
  const modality: Endpoint = { mac: '00:1b:44:11:3a:c0', ip: '10.20.0.30', port: 50000 };
  const pacs: Endpoint = { mac: '00:1b:44:11:3a:c1', ip: '10.20.0.31', port: 104 };
  // user identity negotiation (0x58) with the marker as the user name: dropped
  const identity = item(0x58, cat(Uint8Array.from([1, 0, 0, 18]), ascii('PHIMARKER-DOE^JOHN'), Uint8Array.from([0, 0])));
  const rq = associateRq('PACS_MAIN', 'CT_SCANNER_1', [identity]);
  // P-DATA-TF: PDV with (0010,0010) PatientName PN "PHIMARKER-DOE^JOHN" (implicit VR LE)
  const elem = cat(Uint8Array.from([0x10, 0, 0x10, 0, 18, 0, 0, 0]), ascii('PHIMARKER-DOE^JOHN'));
  const pdv = cat(Uint8Array.from([0, 0, 0, elem.length + 2, 1, 0x02]), elem);
  const pdata = pdu(0x04, pdv);
  return [ipv4Frame(modality, pacs, 6, rq), ipv4Frame(modality, pacs, 6, pdata, 1000)];
}

describe('no PHI in observations', () => {
  for (const mode of ['lenient', 'packet'] as const) {
    it(`HL7 with PID/OBX markers (${mode}): MSH identity kept, markers never emitted`, () => {
      const d = decodeBytes(pcapOf(hl7Frames()), mode);
      const all = JSON.stringify(d.obs);
      expect(d.obs.filter((o) => o.kind === 'hl7-sending-app').map((o) => o.value)).toContain('PHILIPS_IIC^1.2^ISO');
      expect(d.obs.filter((o) => o.kind === 'hl7-message-type').map((o) => o.value)).toContain('ORU^R01^ORU_R01');
      expect(d.obs.filter((o) => o.kind === 'hl7-version').map((o) => o.value)).toContain('2.6');
      for (const m of MARKERS) expect(all.includes(m), m).toBe(false);
    });

    it(`DICOM association + P-DATA with markers (${mode}): AE titles and UID kept, markers never emitted`, () => {
      const d = decodeBytes(pcapOf(dicomFrames()), mode);
      const all = JSON.stringify(d.obs);
      expect(d.obs.filter((o) => o.kind === 'dicom-calling-ae').map((o) => o.value)).toEqual(['CT_SCANNER_1']);
      expect(d.obs.filter((o) => o.kind === 'dicom-called-ae').map((o) => o.value)).toEqual(['PACS_MAIN']);
      expect(d.obs.filter((o) => o.kind === 'dicom-impl-class-uid').map((o) => o.value)).toEqual(['1.2.826.0.1.3680043.2.1143']);
      for (const m of MARKERS) expect(all.includes(m), m).toBe(false);
    });
  }
});
