// Executors: one well-formed, read-only query per call, in the device's own protocol. Each takes a
// ProbeApproval and the id of one of its entries — never a target, port or rate of its own — checks
// the approval and the entry again, sends exactly what the policy describes, and turns the answer into
// observations with source 'probe'. Timeouts and aborts close the socket at once.
import dgram from 'node:dgram';
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { assertApproval, validateEntry } from '../../core/probe-policy/policy';
import type { PlanEntry, ProbeApproval } from '../../core/probe-policy/policy';
import type { AttemptOutcome } from '../../core/probe-policy/limiter';
import type { QueryKind } from '../../core/probe-policy/kinds';
import { cleanText } from '../../core/model/observation';
import type { Observation, ObservationKind } from '../../core/model/observation';
import { decodeSystemResponse, encodeSystemGet } from '../../core/probes/snmp-get';
import type { SystemField, SystemGetResponse } from '../../core/probes/snmp-get';
import * as v3 from './snmpv3';
import crypto from 'node:crypto';
import {
  decodeAssociateAc,
  decodeAssociateRj,
  decodeEchoRsp,
  encodeAbort,
  encodeAssociateRq,
  encodeEchoRq,
  encodeReleaseRq,
  splitPdus,
} from '../../core/probes/dicom-echo';
import { SERVICES_NAME, decodeResponse, encodeQuery, serviceType } from '../../core/probes/mdns-query';
import { decodeNodeStatus, encodeNodeStatus } from '../../core/probes/nbns-status';
import { decodeSearchResponse, encodeMSearch } from '../../core/probes/ssdp-search';
import { arpQuery } from './arp';

export const USER_AGENT = 'Wardwalk-probe/0.1 (read-only inventory query)';

export interface ExecContext {
  signal: AbortSignal;
  timeoutMs: number;
  /** Wall clock for observation timestamps. */
  now?: () => number;
}

export interface ExecResult {
  outcome: AttemptOutcome;
  observations: Observation[];
  /** Short identity text for the audit log ("sysName=…"); never payload. */
  detail: string;
}

export type Executor = (approval: ProbeApproval, entryId: string, ctx: ExecContext) => Promise<ExecResult>;

/** The checks every executor makes before a byte leaves. */
export function approvedEntry(approval: ProbeApproval, entryId: string, kind: QueryKind, now: number): PlanEntry {
  assertApproval(approval, now);
  const e = approval.entry(entryId);
  if (!e) throw new Error(`entry ${entryId} is not in the approved plan`);
  if (e.kind !== kind) throw new Error(`entry ${entryId} is a ${e.kind} query, not ${kind}`);
  const why = validateEntry(e);
  if (why) throw new Error(why);
  return e;
}

function obs(e: PlanEntry, kind: ObservationKind, value: string, proto: string, ts: number): Observation | undefined {
  const v = cleanText(value);
  if (!v) return undefined;
  const o: Observation = { ip: e.target.ip, kind, value: v, proto, source: 'probe', ts };
  if (e.target.mac) o.mac = e.target.mac;
  return o;
}

function collect(list: Array<Observation | undefined>): Observation[] {
  return list.filter((o): o is Observation => o !== undefined);
}

function outcomeOfError(err: unknown): AttemptOutcome {
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EHOSTDOWN') return 'unreachable';
  if (code === 'ENOBUFS' || code === 'EAGAIN' || code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL') return 'local-error';
  if (code === 'ETIMEDOUT') return 'timeout';
  return 'error';
}

// ---------------------------------------------------------------------------------------------
// UDP: one datagram out, the first valid answer back.

function udpExchange<T>(
  ip: string,
  port: number,
  payload: Uint8Array,
  ctx: ExecContext,
  accept: (msg: Buffer) => T | undefined,
): Promise<{ outcome: AttemptOutcome; value?: T; detail: string }> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket({ type: 'udp4' });
    let settled = false;
    const finish = (r: { outcome: AttemptOutcome; value?: T; detail: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      try {
        sock.close();
      } catch {
        /* already closed */
      }
      resolve(r);
    };
    const onAbort = () => finish({ outcome: 'error', detail: 'stopped' });
    const timer = setTimeout(() => finish({ outcome: 'timeout', detail: `no answer in ${ctx.timeoutMs} ms` }), ctx.timeoutMs);
    if (ctx.signal.aborted) return onAbort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    sock.on('error', (err) => {
      // On a connected UDP socket ECONNREFUSED is an ICMP port unreachable: the device is stopped.
      const code = (err as { code?: string }).code;
      finish({ outcome: code === 'ECONNREFUSED' ? 'unreachable' : outcomeOfError(err), detail: cleanText(String(code ?? err.message), 60) });
    });
    sock.on('message', (msg) => {
      const v = accept(msg);
      if (v !== undefined) finish({ outcome: 'answered', value: v, detail: '' });
    });
    // A connected socket only hears this peer and learns of ICMP unreachables (ECONNREFUSED).
    sock.connect(port, ip, () => {
      if (settled) return;
      sock.send(payload, (err) => {
        if (err) finish({ outcome: outcomeOfError(err), detail: cleanText(String((err as { code?: string }).code ?? err.message), 60) });
      });
    });
  });
}

const rand16 = () => 1 + Math.floor(Math.random() * 0xfffe);
const rand31 = () => 1 + Math.floor(Math.random() * 0x7ffffff0);
const asBytes = (m: Buffer) => new Uint8Array(m.buffer, m.byteOffset, m.length);

const SNMP_KINDS: Record<SystemField, ObservationKind> = {
  sysDescr: 'snmp-sys-descr',
  sysObjectID: 'snmp-sys-object-id',
  sysName: 'snmp-sys-name',
  sysLocation: 'snmp-sys-location',
  sysContact: 'snmp-sys-contact',
};

export const snmpGetSystem: Executor = async (approval, entryId, ctx) => {
  const now = ctx.now ?? Date.now;
  const e = approvedEntry(approval, entryId, 'snmp-get-system', now());
  let value: SystemGetResponse | undefined;
  let version = 'v2c';
  if (e.snmpVersion === 'v3') {
    version = 'v3';
    const cred = approval.plan.settings.snmpV3;
    if (!cred) return { outcome: 'error', observations: [], detail: 'no SNMPv3 credentials in the approved plan' };
    const started = now();
    // 1. engine discovery (RFC 3414 §4): the agent answers with a Report naming its engine
    const msgId1 = rand31();
    const disc = await udpExchange(e.target.ip, e.port, v3.discoveryRequest(msgId1, rand31()), ctx, (m) => v3.parseDiscoveryReport(asBytes(m), msgId1, now()));
    if (!disc.value) return { outcome: disc.outcome, observations: [], detail: `discovery: ${disc.detail}` };
    // 2. the authenticated GET, within what is left of the attempt's time
    const keys = v3.keysFor(cred, disc.value.engineId);
    const msgId2 = rand31();
    const rid = rand31();
    const left = Math.max(1, ctx.timeoutMs - (now() - started));
    const get = await udpExchange(e.target.ip, e.port, v3.getRequest(cred, keys, disc.value, msgId2, rid, crypto.randomBytes(8), now()), { ...ctx, timeoutMs: left }, (m) =>
      v3.parseResponse(cred, keys, asBytes(m), msgId2, rid),
    );
    if (!get.value) return { outcome: get.outcome, observations: [], detail: get.detail };
    // a Report here means wrong user, keys or level: the device answered, but not with data
    if (get.value.kind === 'report') return { outcome: 'answered', observations: [], detail: `SNMPv3 report ${get.value.oid ?? ''} (check user, passwords and level)` };
    value = get.value.value;
  } else {
    const community = approval.plan.settings.snmpCommunity;
    if (!community) return { outcome: 'error', observations: [], detail: 'no community in the approved plan' };
    const rid = rand31();
    const r = await udpExchange(e.target.ip, e.port, encodeSystemGet(community, rid), ctx, (m) => {
      const d = decodeSystemResponse(asBytes(m));
      return d && d.requestId === rid ? d : undefined;
    });
    if (!r.value) return { outcome: r.outcome, observations: [], detail: r.detail };
    value = r.value;
  }
  const ts = now();
  const list: Array<Observation | undefined> = [obs(e, 'snmp-version', version, 'probe-snmp', ts), obs(e, 'service', `udp/${e.port}`, 'probe-snmp', ts)];
  for (const [f, v] of Object.entries(value.values) as Array<[SystemField, string]>) list.push(obs(e, SNMP_KINDS[f], v, 'probe-snmp', ts));
  return {
    outcome: 'answered',
    observations: collect(list),
    detail: value.errorStatus ? `error-status ${value.errorStatus}` : `${version} sysName=${cleanText(value.values.sysName ?? '', 60)}; ${Object.keys(value.values).length} fields`,
  };
};

export const mdnsServices: Executor = async (approval, entryId, ctx) => {
  const now = ctx.now ?? Date.now;
  const e = approvedEntry(approval, entryId, 'mdns', now());
  const id = rand16();
  const r = await udpExchange(e.target.ip, e.port, encodeQuery(id), ctx, (m) => {
    const d = decodeResponse(new Uint8Array(m.buffer, m.byteOffset, m.length));
    return d && d.id === id ? d : undefined;
  });
  if (!r.value) return { outcome: r.outcome, observations: [], detail: r.detail };
  const ts = now();
  const types = [...new Set(r.value.answers.filter((a) => a.name.toLowerCase() === SERVICES_NAME && a.ptr).map((a) => serviceType(a.ptr!)).filter((x): x is string => !!x))];
  return {
    outcome: 'answered',
    observations: collect([obs(e, 'service', 'udp/5353', 'probe-mdns', ts), ...types.map((t) => obs(e, 'mdns-service', t, 'probe-mdns', ts))]),
    detail: `services: ${types.join(' ') || 'none'}`,
  };
};

export const ssdpSearch: Executor = async (approval, entryId, ctx) => {
  const now = ctx.now ?? Date.now;
  const e = approvedEntry(approval, entryId, 'ssdp', now());
  const r = await udpExchange(e.target.ip, e.port, encodeMSearch(e.target.ip, USER_AGENT), ctx, (m) => {
    const d = decodeSearchResponse(new Uint8Array(m.buffer, m.byteOffset, m.length));
    return d && d.status === 200 ? d : undefined;
  });
  if (!r.value) return { outcome: r.outcome, observations: [], detail: r.detail };
  const ts = now();
  const h = r.value.headers;
  return {
    outcome: 'answered',
    observations: collect([
      obs(e, 'service', 'udp/1900', 'probe-ssdp', ts),
      h.server ? obs(e, 'ssdp-server', h.server, 'probe-ssdp', ts) : undefined,
      h.location ? obs(e, 'ssdp-location', h.location, 'probe-ssdp', ts) : undefined,
      h.usn ? obs(e, 'ssdp-usn', h.usn, 'probe-ssdp', ts) : undefined,
    ]),
    detail: `server=${cleanText(h.server ?? '', 80)}`,
  };
};

export const nbnsStatus: Executor = async (approval, entryId, ctx) => {
  const now = ctx.now ?? Date.now;
  const e = approvedEntry(approval, entryId, 'nbns-status', now());
  const id = rand16();
  const r = await udpExchange(e.target.ip, e.port, encodeNodeStatus(id), ctx, (m) => {
    const d = decodeNodeStatus(new Uint8Array(m.buffer, m.byteOffset, m.length));
    return d && d.id === id ? d : undefined;
  });
  if (!r.value) return { outcome: r.outcome, observations: [], detail: r.detail };
  const ts = now();
  const names = r.value.names.filter((n) => !n.group && n.suffix === 0x00).map((n) => n.name);
  return {
    outcome: 'answered',
    observations: collect([obs(e, 'service', 'udp/137', 'probe-nbns', ts), ...names.map((n) => obs(e, 'nbns-name', n, 'probe-nbns', ts))]),
    detail: `names: ${names.join(' ') || 'none'}`,
  };
};

// ---------------------------------------------------------------------------------------------
// HTTP(S): GET / once, read the Server header and (HTTPS) the certificate, close.

const MAX_BODY = 64 * 1024;

function certName(n: Record<string, string | string[] | undefined> | undefined): string {
  if (!n) return '';
  const order = ['CN', 'O', 'OU', 'L', 'C'];
  return order
    .filter((k) => n[k] !== undefined)
    .map((k) => `${k}=${[n[k]].flat().join('+')}`)
    .join(', ');
}

export const httpGetRoot: Executor = async (approval, entryId, ctx) => {
  const now = ctx.now ?? Date.now;
  const e = approvedEntry(approval, entryId, 'http-get-root', now());
  return new Promise<ExecResult>((resolve) => {
    let settled = false;
    let status = 0;
    let server: string | undefined;
    let subject = '';
    let issuer = '';
    const finish = (outcome: AttemptOutcome, detail: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      req.destroy();
      const ts = now();
      const list = status
        ? [
            obs(e, 'service', `tcp/${e.port}`, 'probe-http', ts),
            server ? obs(e, 'http-server', server, 'probe-http', ts) : undefined,
            subject ? obs(e, 'tls-cert-subject', subject, 'probe-tls', ts) : undefined,
            issuer ? obs(e, 'tls-cert-issuer', issuer, 'probe-tls', ts) : undefined,
          ]
        : [];
      resolve({ outcome, observations: collect(list), detail });
    };
    const opts: https.RequestOptions = {
      host: e.target.ip,
      port: e.port,
      method: 'GET',
      path: '/',
      agent: false,
      headers: { Host: e.target.ip, 'User-Agent': USER_AGENT, Accept: '*/*', Connection: 'close' },
    };
    // HTTPS: the certificate is read, not trusted (devices use self-signed ones); no SNI for an IP.
    const req = e.tls ? https.request({ ...opts, rejectUnauthorized: false, servername: '' }) : http.request(opts);
    const onAbort = () => finish('error', 'stopped');
    const timer = setTimeout(() => finish(status ? 'answered' : 'timeout', status ? `HTTP ${status}; body cut at timeout` : `no answer in ${ctx.timeoutMs} ms`), ctx.timeoutMs);
    if (ctx.signal.aborted) return onAbort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => finish(status ? 'answered' : outcomeOfError(err), cleanText(String((err as { code?: string }).code ?? err.message), 60)));
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      server = typeof res.headers.server === 'string' ? res.headers.server : undefined;
      if (e.tls) {
        const cert = (res.socket as TLSSocket).getPeerCertificate?.();
        if (cert && Object.keys(cert).length) {
          subject = certName(cert.subject as unknown as Record<string, string>);
          issuer = certName(cert.issuer as unknown as Record<string, string>);
        }
      }
      let got = 0;
      res.on('data', (c: Buffer) => {
        got += c.length;
        if (got > MAX_BODY) finish('answered', `HTTP ${status}; body over ${MAX_BODY} bytes, closed`);
      });
      res.on('end', () => finish('answered', `HTTP ${status}; server=${cleanText(server ?? '', 60)}${subject ? `; cert ${cleanText(subject, 80)}` : ''}`));
      res.on('error', () => finish('answered', `HTTP ${status}`));
    });
    req.end();
  });
};

// ---------------------------------------------------------------------------------------------
// DICOM: associate (Verification only), C-ECHO, release. An A-ABORT only when something went wrong.

export const dicomEcho: Executor = async (approval, entryId, ctx) => {
  const now = ctx.now ?? Date.now;
  const e = approvedEntry(approval, entryId, 'dicom-echo', now());
  const callingAe = approval.plan.settings.aeTitle;
  const calledAe = e.calledAe ?? 'ANY-SCP';
  if (!callingAe) return { outcome: 'error', observations: [], detail: 'no AE title in the approved plan' };
  return new Promise<ExecResult>((resolve) => {
    let settled = false;
    let stage: 'connecting' | 'associating' | 'echoing' | 'releasing' | 'released' | 'rejected' = 'connecting';
    let buf = Buffer.alloc(0);
    let ac: ReturnType<typeof decodeAssociateAc>;
    let echoStatus: number | undefined;
    let detail = '';
    const sock = net.connect({ host: e.target.ip, port: e.port });
    const finish = (outcome: AttemptOutcome, why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      sock.destroy();
      const ts = now();
      const list: Array<Observation | undefined> = [];
      if (ac) {
        list.push(obs(e, 'service', `tcp/${e.port}`, 'probe-dicom', ts));
        if (ac.pcResult === 0 && echoStatus === 0) list.push(obs(e, 'dicom-called-ae', calledAe, 'probe-dicom', ts));
        if (ac.implClassUid) list.push(obs(e, 'dicom-impl-class-uid', ac.implClassUid, 'probe-dicom', ts));
        if (ac.implVersion) list.push(obs(e, 'dicom-impl-version', ac.implVersion, 'probe-dicom', ts));
      }
      resolve({ outcome, observations: collect(list), detail: why });
    };
    const onAbort = () => {
      if (stage === 'echoing' || stage === 'releasing') sock.write(encodeAbort());
      finish('error', 'stopped');
    };
    const timer = setTimeout(() => {
      if (stage !== 'connecting') sock.write(encodeAbort());
      finish(stage === 'connecting' ? 'timeout' : ac ? 'answered' : 'timeout', `timeout while ${stage}`);
    }, ctx.timeoutMs);
    if (ctx.signal.aborted) return onAbort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    sock.on('connect', () => {
      stage = 'associating';
      sock.write(encodeAssociateRq(callingAe, calledAe));
    });
    sock.on('error', (err) => finish(ac ? 'answered' : outcomeOfError(err), cleanText(String((err as { code?: string }).code ?? err.message), 60)));
    sock.on('close', () => finish(ac || stage === 'rejected' ? 'answered' : 'error', detail || `closed while ${stage}`));
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length > 256 * 1024) return finish('error', 'answer too large');
      const { pdus, used, bad } = splitPdus(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
      buf = buf.subarray(used);
      if (bad) {
        sock.write(encodeAbort());
        return finish(ac ? 'answered' : 'error', 'malformed PDU');
      }
      for (const p of pdus) {
        if (p.type === 0x02 && stage === 'associating') {
          ac = decodeAssociateAc(p.body);
          if (!ac) {
            sock.write(encodeAbort());
            return finish('error', 'malformed A-ASSOCIATE-AC');
          }
          if (ac.pcResult !== 0) {
            stage = 'releasing';
            detail = `association accepted, Verification refused (result ${ac.pcResult})`;
            sock.write(encodeReleaseRq());
            continue;
          }
          stage = 'echoing';
          sock.write(encodeEchoRq(1));
        } else if (p.type === 0x03) {
          const rj = decodeAssociateRj(p.body);
          stage = 'rejected';
          detail = rj ? `A-ASSOCIATE-RJ result ${rj.result} source ${rj.source} reason ${rj.reason}` : 'A-ASSOCIATE-RJ';
          sock.end();
        } else if (p.type === 0x04 && stage === 'echoing') {
          const rsp = decodeEchoRsp(p.body);
          echoStatus = rsp?.status;
          detail = rsp ? `C-ECHO status 0x${rsp.status.toString(16).padStart(4, '0')}; impl ${cleanText(ac?.implClassUid ?? '', 64)} ${cleanText(ac?.implVersion ?? '', 16)}` : 'unexpected P-DATA';
          stage = 'releasing';
          sock.write(encodeReleaseRq());
        } else if (p.type === 0x06 && stage === 'releasing') {
          stage = 'released';
          sock.end();
        } else if (p.type === 0x07) {
          detail = detail || 'A-ABORT from the SCP';
          return finish(ac ? 'answered' : 'error', detail);
        }
      }
    });
  });
};

export const arpWhoHas: Executor = async (approval, entryId, ctx) => {
  const now = ctx.now ?? Date.now;
  const e = approvedEntry(approval, entryId, 'arp', now());
  const r = await arpQuery(e.target.ip, ctx.signal, ctx.timeoutMs);
  if (!r.mac) return { outcome: r.outcome, observations: [], detail: r.detail };
  const ts = now();
  return {
    outcome: 'answered',
    observations: collect([{ ip: e.target.ip, mac: r.mac, kind: 'ip', value: e.target.ip, proto: 'probe-arp', source: 'probe', ts }]),
    detail: `is-at ${r.mac}${e.target.mac && e.target.mac !== r.mac ? ` (inventory says ${e.target.mac})` : ''}`,
  };
};

export const EXECUTORS: Readonly<Record<QueryKind, Executor>> = {
  arp: arpWhoHas,
  mdns: mdnsServices,
  ssdp: ssdpSearch,
  'nbns-status': nbnsStatus,
  'snmp-get-system': snmpGetSystem,
  'http-get-root': httpGetRoot,
  'dicom-echo': dicomEcho,
};
