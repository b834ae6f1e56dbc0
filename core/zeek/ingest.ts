// Zeek records → identity observations, with "zeek:<sensor>" as the evidence source, into the same
// observation → device → identification pipeline as packets (DiscoveryEngine.addObservation).
// Field names follow Zeek's base scripts (conn, dhcp, dns, known_hosts, known_services, software,
// snmp, ssl, http, x509, modbus) and the ICSNPP BACnet plugin (bacnet_discovery). Only identity fields
// are read; payload-like fields (URIs, DNS answers beyond names, passwords) are never kept.
import { cleanText } from '../model/observation';
import type { EvidenceSource, Observation, ObservationKind } from '../model/observation';
import { parseMac } from '../model/ids';
import type { Mac } from '../model/ids';
import type { ZeekRecord } from './parse';
import { isPrivateIpText, isUnicastIpv4Number, parseIpv4 } from '../bytes/ip';
import { zeekTime } from './parse';

export interface SiteMap {
  /** sensor name → site name */
  sensors?: Record<string, string>;
  /** CIDR → site name ("10.12.0.0/16": "North Campus"); the longest prefix wins. */
  subnets?: Record<string, string>;
}

export interface ZeekIngestStats {
  records: number;
  observations: number;
  /** Records per log type that were used. */
  byType: Record<string, number>;
  /** Log types we do not read (counted, reported, never fatal). */
  unknownTypes: Record<string, number>;
  /** Records without a usable time (and no fallback). */
  skipped: number;
  /** Records whose time could not be read and took the fallback (the file's time). */
  untimed: number;
}

const MAX_X509 = 100_000;

function isUsableIp(ip: string): boolean {
  const n = parseIpv4(ip);
  if (n === undefined) return ip.includes(':') && !/^ff/i.test(ip) && ip !== '::' && ip !== '::1';
  return isUnicastIpv4Number(n);
}

/** Zeek writes MACs canonical ("00:1b:44:11:3a:b7"): accept those as they are, parse anything else. */
function zeekMac(s: string | undefined): Mac | undefined {
  if (!s) return undefined;
  if (s.length === 17) {
    let ok = true;
    for (let i = 0; i < 17 && ok; i++) {
      const c = s.charCodeAt(i);
      ok = i % 3 === 2 ? c === 58 : (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
    }
    if (ok) return s as Mac;
  }
  return parseMac(s);
}

function compileSubnets(subnets: Record<string, string> | undefined): { net: number; bits: number; site: string }[] {
  const out: { net: number; bits: number; site: string }[] = [];
  for (const [cidr, site] of Object.entries(subnets ?? {})) {
    const [addr, b] = cidr.split('/');
    const n = addr ? parseIpv4(addr) : undefined;
    const bits = b === undefined ? 32 : Number(b);
    if (n === undefined || !(bits >= 0 && bits <= 32)) continue;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    out.push({ net: (n & mask) >>> 0, bits, site });
  }
  return out.sort((x, y) => y.bits - x.bits);
}

const CLEARTEXT_PORTS: Record<string, string> = { '23': 'telnet', '21': 'ftp', '69': 'tftp', '513': 'rlogin', '514': 'rsh' };
const ANSWERED = new Set(['SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR', 'SH', 'SHR']);

export class ZeekIngest {
  readonly stats: ZeekIngestStats = { records: 0, observations: 0, byType: {}, unknownTypes: {}, skipped: 0, untimed: 0 };
  private readonly x509 = new Map<string, { subject?: string; issuer?: string }>();
  /** ssl records whose certificate (x509.log) has not been read yet, by fingerprint (bounded). */
  private readonly pendingCerts = new Map<string, { ip: string; ts: number; sensor: string }[]>();
  private pendingCount = 0;
  private readonly subnets: { net: number; bits: number; site: string }[];
  private readonly sitesTagged = new Set<string>();

  constructor(
    private readonly emit: (o: Observation) => void,
    private readonly opts: { siteMap?: SiteMap } = {},
  ) {
    this.subnets = compileSubnets(opts.siteMap?.subnets);
  }

  private siteFor(sensor: string, ip: string | undefined): string | undefined {
    if (ip) {
      const n = parseIpv4(ip);
      if (n !== undefined) for (const s of this.subnets) if (((n & (s.bits === 0 ? 0 : (0xffffffff << (32 - s.bits)) >>> 0)) >>> 0) === s.net) return s.site;
    }
    return this.opts.siteMap?.sensors?.[sensor];
  }

  private out(source: EvidenceSource, sensor: string, ts: number, proto: string, kind: ObservationKind, value: string | undefined, at: { mac?: Mac | undefined; ip?: string | undefined }): void {
    if (!value) return;
    const v = cleanText(value);
    if (!v) return;
    if (!at.mac && !at.ip) return;
    if (at.ip && !isUsableIp(at.ip)) return;
    const o: Observation = { kind, value: v, proto, source, ts };
    if (at.mac) o.mac = at.mac;
    if (at.ip) o.ip = at.ip;
    this.emit(o);
    this.stats.observations++;
    // Tag each device once with the site its sensor or subnet maps to.
    const key = at.mac ?? at.ip!;
    if (!this.sitesTagged.has(key)) {
      const site = this.siteFor(sensor, at.ip);
      if (site) {
        this.sitesTagged.add(key);
        const so: Observation = { kind: 'site', value: cleanText(site), proto, source, ts };
        if (at.mac) so.mac = at.mac;
        if (at.ip) so.ip = at.ip;
        this.emit(so);
      }
    }
  }

  private cSource: EvidenceSource = 'zeek:zeek';
  private cSensor = 'zeek';
  private cTs = 0;
  private cProto = 'zeek';

  private note(kind: ObservationKind, value: string | undefined, at: { mac?: Mac | undefined; ip?: string | undefined }): void {
    this.out(this.cSource, this.cSensor, this.cTs, this.cProto, kind, value, at);
  }

  private used(type: string): void {
    this.stats.byType[type] = (this.stats.byType[type] ?? 0) + 1;
  }

  /**
   * Feed one record of log type `type` from `sensor`. A record whose `ts` cannot be read (masked,
   * damaged) takes `fallbackTs` (e.g. the file's modification time) when given, else it is skipped.
   */
  record(type: string, r: ZeekRecord, sensor: string, fallbackTs?: number): void {
    this.stats.records++;
    let ts = zeekTime(r.get('ts'));
    if (!Number.isFinite(ts)) {
      if (fallbackTs === undefined || !Number.isFinite(fallbackTs)) {
        this.stats.skipped++;
        return;
      }
      this.stats.untimed++;
      ts = fallbackTs;
    }
    // The record's context, read by this.note() (no closures per record: this runs millions of times).
    this.cSource = `zeek:${sensor}`;
    this.cSensor = sensor;
    this.cTs = ts;
    this.cProto = `zeek-${type}`;
    const orig = r.get('id.orig_h');
    const resp = r.get('id.resp_h');
    const respP = r.get('id.resp_p');

    switch (type) {
      case 'conn': {
        this.used(type);
        const transport = r.get('proto') ?? 'tcp';
        const om = zeekMac(r.get('orig_l2_addr'));
        const rm = zeekMac(r.get('resp_l2_addr'));
        const localOrig = r.get('local_orig') === 'T' || (r.get('local_orig') === undefined && orig !== undefined && isPrivateIpText(orig));
        const localResp = r.get('local_resp') === 'T' || (r.get('local_resp') === undefined && resp !== undefined && isPrivateIpText(resp));
        if (om && orig) this.note('ip', orig, { mac: om });
        else if (orig && localOrig) this.note('ip', orig, { ip: orig });
        if (rm && resp && localResp) this.note('ip', resp, { mac: rm });
        const state = r.get('conn_state');
        if (resp && respP && localResp && (!state || ANSWERED.has(state)) && transport !== 'icmp') {
          this.note('service', `${transport}/${respP}`, { ip: resp });
          const clear = CLEARTEXT_PORTS[respP] ?? (r.get('service')?.split(',').includes('ftp') ? 'ftp' : undefined);
          if (clear) this.note('protocol', clear, { ip: resp });
        }
        if (orig && resp && localOrig && !isPrivateIpText(resp) && isUsableIp(resp)) this.note('peer-external', resp, { ip: orig });
        break;
      }
      case 'dhcp': {
        this.used(type);
        const mac = zeekMac(r.get('mac'));
        if (!mac) break;
        this.note('ip', r.get('assigned_addr') ?? r.get('assigned_ip') ?? r.get('client_addr'), { mac });
        this.note('hostname', r.get('host_name'), { mac });
        this.note('fqdn', r.get('client_fqdn'), { mac });
        this.note('dhcp-requested-ip', r.get('requested_addr'), { mac });
        this.note('dhcp-vendor-class', r.get('client_software') ?? r.get('vendor_class'), { mac });
        break;
      }
      case 'dns': {
        this.used(type);
        const q = r.get('query');
        if (!q || !orig) break;
        if (respP === '5353' || r.get('id.orig_p') === '5353') {
          // mDNS: names announced with their addresses (A/AAAA answers), service types asked for.
          const answers = (r.get('answers') ?? '').split(',');
          for (const a of answers.slice(0, 16)) if (parseIpv4(a) !== undefined || a.includes(':')) this.note('hostname', q, { ip: a });
          if (q.startsWith('_') && q.endsWith('.local')) this.note('mdns-service', q.replace(/\.local$/, ''), { ip: orig });
        } else if (respP === '5355') this.note('llmnr-name', q, { ip: orig });
        else if (respP === '137') this.note('nbns-name', q, { ip: orig });
        else if (!q.endsWith('.arpa') && isPrivateIpText(orig)) this.note('dns-query', q, { ip: orig });
        break;
      }
      case 'known_hosts': {
        this.used(type);
        const h = r.get('host');
        if (h) this.note('ip', h, { ip: h });
        break;
      }
      case 'known_services': {
        this.used(type);
        const h = r.get('host');
        const port = r.get('port_num');
        if (h && port) this.note('service', `${r.get('port_proto') ?? 'tcp'}/${port}`, { ip: h });
        break;
      }
      case 'software': {
        this.used(type);
        const h = r.get('host');
        if (!h) break;
        const st = r.get('software_type') ?? '';
        const name = r.get('name') ?? '';
        const ver = ['version.major', 'version.minor', 'version.minor2', 'version.minor3'].map((k) => r.get(k)).filter(Boolean).join('.');
        const text = r.get('unparsed_version') ?? `${name} ${ver}`.trim();
        if (st === 'HTTP::BROWSER') this.note('http-user-agent', text, { ip: h });
        else if (st === 'HTTP::SERVER' || st === 'HTTP::APPSERVER') this.note('http-server', text, { ip: h });
        else if (st.startsWith('OS::')) this.note('os', `${name} ${ver}`.trim() || text, { ip: h });
        else this.note('software', `${name}${ver ? ' ' + ver : ''}`, { ip: h });
        break;
      }
      case 'snmp': {
        this.used(type);
        // The agent answers on 161: the responder of the connection.
        const agent = respP === '162' ? orig : resp;
        if (!agent) break;
        this.note('snmp-sys-descr', r.get('display_string'), { ip: agent });
        const version = r.get('version');
        this.note('snmp-version', version, { ip: agent });
        const community = r.get('community');
        if (community && version && /1|2c/.test(version)) this.note('snmp-community', community, { ip: agent });
        break;
      }
      case 'x509': {
        this.used(type);
        const fp = r.get('fingerprint') ?? r.get('id');
        if (fp && this.x509.size < MAX_X509) {
          const subject = r.get('certificate.subject');
          const issuer = r.get('certificate.issuer');
          this.x509.set(fp, { ...(subject ? { subject } : {}), ...(issuer ? { issuer } : {}) });
          // ssl records read before this certificate: attach it now (logs may come in any order).
          const waiting = this.pendingCerts.get(fp);
          if (waiting) {
            this.pendingCerts.delete(fp);
            this.pendingCount -= waiting.length;
            for (const w of waiting) {
              this.out(`zeek:${w.sensor}`, w.sensor, w.ts, 'zeek-ssl', 'tls-cert-subject', subject, { ip: w.ip });
              this.out(`zeek:${w.sensor}`, w.sensor, w.ts, 'zeek-ssl', 'tls-cert-issuer', issuer, { ip: w.ip });
            }
          }
        }
        break;
      }
      case 'ssl': {
        this.used(type);
        if (orig) this.note('tls-sni', r.get('server_name'), { ip: orig });
        if (!resp || !isPrivateIpText(resp)) break;
        const first = (r.get('cert_chain_fps') ?? r.get('cert_chain_fuids') ?? '').split(',')[0];
        const cert = first ? this.x509.get(first) : undefined;
        if (first && !cert && !r.get('subject') && this.pendingCount < MAX_X509) {
          const list = this.pendingCerts.get(first) ?? [];
          if (!list.some((w) => w.ip === resp)) {
            list.push({ ip: resp, ts, sensor });
            this.pendingCerts.set(first, list);
            this.pendingCount++;
          }
        }
        this.note('tls-cert-subject', cert?.subject ?? r.get('subject'), { ip: resp });
        this.note('tls-cert-issuer', cert?.issuer ?? r.get('issuer'), { ip: resp });
        break;
      }
      case 'http': {
        this.used(type);
        if (orig) this.note('http-user-agent', r.get('user_agent'), { ip: orig });
        if (resp && isPrivateIpText(resp)) {
          this.note('http-host', r.get('host'), { ip: resp });
          // A login sent in clear text (basic auth): the fact only, never the user name or password.
          if (r.get('username')) this.note('protocol', 'http-login', { ip: resp });
          if (r.get('server')) this.note('http-server', r.get('server'), { ip: resp });
        }
        break;
      }
      case 'modbus': {
        this.used(type);
        if (!resp) break;
        this.note('protocol', 'modbus', { ip: resp });
        this.note('modbus-unit', r.get('unit'), { ip: resp });
        if (respP) this.note('service', `tcp/${respP}`, { ip: resp });
        break;
      }
      case 'bacnet':
      case 'bacnet_discovery':
      case 'bacnet_device_discovery': {
        this.used(type);
        const dev = r.get('pdu_service') === 'i_am' || type !== 'bacnet' ? orig : undefined;
        if (!dev) break;
        this.note('protocol', 'bacnet', { ip: dev });
        this.note('bacnet-vendor-id', r.get('vendor_id') ?? r.get('vendor'), { ip: dev });
        this.note('bacnet-device-instance', r.get('instance_number') ?? r.get('device_instance'), { ip: dev });
        break;
      }
      default:
        this.stats.unknownTypes[type] = (this.stats.unknownTypes[type] ?? 0) + 1;
        this.stats.records--;
    }
  }
}

/** Reading x509 logs before ssl logs saves holding ssl records until their certificate arrives. */
export function logTypeOrder(type: string): number {
  return type === 'x509' ? 0 : type === 'ssl' ? 2 : 1;
}
