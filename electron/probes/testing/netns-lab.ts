// A throwaway lab for the probe wire tests: network namespaces created by the test, each joined to the
// root namespace by its own veth pair, with real daemons inside (net-snmp snmpd, dcmtk storescp,
// nginx with a self-signed certificate made by openssl, avahi-daemon). Addresses are assigned only
// inside these pairs; everything is removed by close(). Needs root (CI runs as root). Test support only.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPcap } from './pcap-lite';
import type { WirePacket } from './pcap-lite';

export interface LabDevice {
  ns: string;
  hostIf: string;
  nsIf: string;
  hostIp: string;
  ip: string;
  cidr: string;
  hostMac: string;
  mac: string;
}

export interface Capture {
  stop(): Promise<WirePacket[]>;
}

export interface Lab {
  dir: string;
  pacs: LabDevice;
  vent: LabDevice;
  /** One namespace answering SNMP on many addresses: many small devices behind one link. */
  farm: LabDevice & { ips: string[] };
  capture(dev: LabDevice, name: string): Promise<Capture>;
  close(): Promise<void>;
}

export const SNMP_COMMUNITY = 'wardwalk-lab';
export const PACS_AE = 'WARD3B_PACS';
/** SNMPv3 users on the PACS gateway's agent: authPriv (SHA-1 + AES-128) and authNoPriv (SHA-256). */
export const V3_USERS = {
  priv: { user: 'ww-priv', authProtocol: 'sha1', authPassword: 'lab-auth-pass-1', privProtocol: 'aes128', privPassword: 'lab-priv-pass-2' },
  auth256: { user: 'ww-auth256', authProtocol: 'sha256', authPassword: 'lab-auth-pass-3' },
} as const;

export const SSDP_SERVER = 'Linux/5.10 UPnP/1.1 WardwalkLab-Gateway/3.2';

const RESPONDER = `
const dgram = require('node:dgram');
const ip = '@IP@';
const nbstat = Buffer.from('20a88400000000010000000020434b41414141414141414141414141414141414141414141414141414141414100002100010000000000770447554e4e4152202020202020202020000400564947494c414e545f47524f55502000840047554e4e4152202020202020202020200400564947494c414e545f47524f5550201e8400001cc410790f00000000000000000000000000000000000000000000000000000000000000000000000000000000', 'hex');
const nb = dgram.createSocket('udp4');
nb.on('message', (m, r) => {
  if (m.length < 50 || m.readUInt16BE(m.length - 4) !== 0x21) return;
  const out = Buffer.from(nbstat);
  m.copy(out, 0, 0, 2);
  nb.send(out, r.port, r.address);
});
nb.bind(137, ip);
const ss = dgram.createSocket('udp4');
ss.on('message', (m, r) => {
  if (!m.toString('latin1').startsWith('M-SEARCH * HTTP/1.1')) return;
  ss.send(Buffer.from('HTTP/1.1 200 OK\\r\\nCACHE-CONTROL: max-age=1800\\r\\nEXT:\\r\\nLOCATION: http://' + ip + ':49152/description.xml\\r\\nSERVER: ${SSDP_SERVER}\\r\\nST: upnp:rootdevice\\r\\nUSN: uuid:2fac1234-31f8-11b4-a222-08002b34c003::upnp:rootdevice\\r\\n\\r\\n', 'latin1'), r.port, r.address);
});
ss.bind(1900, ip);
`;

/** Why the wire tests cannot run here, or undefined when they can. */
export function labUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces (CI runs as root)';
  for (const tool of ['ip', 'tcpdump', 'snmpd', 'storescp', 'nginx', 'avahi-daemon', 'openssl', 'unshare', 'ss']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed`;
    }
  }
  return undefined;
}

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const inNs = (ns: string, args: string[]) => sh('ip', ['netns', 'exec', ns, ...args]);

async function waitFor(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`lab: ${what} did not come up in ${ms} ms`);
}

export async function openLab(): Promise<Lab> {
  const id = process.pid % 100000;
  const k = process.pid % 250;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ww-probe-${process.pid}-`));
  const children: ChildProcess[] = [];
  const namespaces: string[] = [];

  const makeDevice = (suffix: string, subnet: string): LabDevice => {
    const ns = `ww-probe-${process.pid}-${suffix}`;
    const hostIf = `wwp${id}${suffix}0`;
    const nsIf = `wwp${id}${suffix}1`;
    sh('ip', ['netns', 'add', ns]);
    namespaces.push(ns);
    sh('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf]);
    sh('ip', ['link', 'set', nsIf, 'netns', ns]);
    // no IPv6 on the lab links: router solicitations and MLD reports would be noise on the capture
    sh('sysctl', ['-qw', `net.ipv6.conf.${hostIf}.disable_ipv6=1`]);
    inNs(ns, ['sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1']);
    inNs(ns, ['sysctl', '-qw', `net.ipv6.conf.${nsIf}.disable_ipv6=1`]);
    // The limiter charges each UDP query one ARP request; on a loaded CI machine the kernel may resend an
    // unanswered ARP request after its 1 s retransmit timer, which is the OS's doing, not ours: give
    // the lab link a slower retransmit so the capture counts what Wardwalk caused.
    sh('sysctl', ['-qw', `net.ipv4.neigh.${hostIf}.retrans_time_ms=5000`]);
    sh('ip', ['addr', 'add', `${subnet}.1/24`, 'dev', hostIf]);
    inNs(ns, ['ip', 'addr', 'add', `${subnet}.2/24`, 'dev', nsIf]);
    sh('ip', ['link', 'set', hostIf, 'up']);
    inNs(ns, ['ip', 'link', 'set', nsIf, 'up']);
    inNs(ns, ['ip', 'link', 'set', 'lo', 'up']);
    return {
      ns, hostIf, nsIf, hostIp: `${subnet}.1`, ip: `${subnet}.2`, cidr: `${subnet}.0/24`,
      hostMac: fs.readFileSync(`/sys/class/net/${hostIf}/address`, 'utf8').trim(),
      mac: inNs(ns, ['cat', `/sys/class/net/${nsIf}/address`]).trim(),
    };
  };

  const start = (name: string, ns: string, args: string[], env: Record<string, string> = {}) => {
    const log = fs.openSync(path.join(dir, `${name}.log`), 'a');
    const c = spawn('ip', ['netns', 'exec', ns, ...args], { stdio: ['ignore', log, log], env: { ...process.env, ...env } });
    children.push(c);
    return c;
  };
  const listening = (ns: string, proto: 't' | 'u', port: number) =>
    inNs(ns, ['ss', `-l${proto}nH`]).split('\n').some((l) => new RegExp(`:${port}\\s`).test(l));

  const close = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise<void>((r) => {
        if (c.exitCode !== null || c.signalCode !== null) return r();
        const t = setTimeout(() => { c.kill('SIGKILL'); r(); }, 2000);
        c.once('exit', () => { clearTimeout(t); r(); });
      })),
    );
    for (const ns of namespaces) {
      try {
        sh('ip', ['netns', 'del', ns]); // removes the veth pair with it
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const pacs = makeDevice('a', `10.231.${k}`);
    const vent = makeDevice('b', `10.232.${k}`);
    const farmDev = makeDevice('c', `10.233.${k}`);
    const farmIps = Array.from({ length: 20 }, (_, i) => `10.233.${k}.${10 + i}`);
    for (const ip of farmIps) inNs(farmDev.ns, ['ip', 'addr', 'add', `${ip}/24`, 'dev', farmDev.nsIf]);
    const farm = { ...farmDev, ips: farmIps };

    // snmpd: read-only community, system group set by us. -C: no other config files.
    const snmp = (dev: LabDevice, name: string, location: string, descr: string, ips = [dev.ip], extra: string[] = []) => {
      const conf = path.join(dir, `snmpd-${name}.conf`);
      fs.writeFileSync(conf, [
        `agentAddress ${ips.map((ip) => `udp:${ip}:161`).join(',')}`,
        `rocommunity ${SNMP_COMMUNITY} default`,
        ...extra,
        `sysLocation ${location}`,
        'sysContact Biomedical Engineering <biomed@example.org>',
        `sysName ${name}`,
        `sysDescr ${descr}`,
        'sysObjectID .1.3.6.1.4.1.8072.3.2.10',
        '',
      ].join('\n'));
      fs.mkdirSync(path.join(dir, `snmp-${name}`), { recursive: true });
      start(`snmpd-${name}`, dev.ns, ['snmpd', '-f', '-Lo', '-C', '-c', conf, '-p', path.join(dir, `snmpd-${name}.pid`)], {
        SNMP_PERSISTENT_DIR: path.join(dir, `snmp-${name}`),
        MIBS: '',
      });
    };
    const { priv, auth256 } = V3_USERS;
    snmp(pacs, 'ward3b-pacs-gw', 'Ward 3B Room 12', 'Wardwalk Lab PACS gateway 2.4.1', [pacs.ip], [
      `createUser ${priv.user} SHA "${priv.authPassword}" AES "${priv.privPassword}"`,
      `createUser ${auth256.user} SHA-256 "${auth256.authPassword}"`,
      `rouser ${priv.user} priv`,
      `rouser ${auth256.user} auth`,
    ]);
    snmp(vent, 'icu-vent-07', 'ICU Bed 4', 'Wardwalk Lab ventilator 9.0');
    snmp(farm, 'ward3b-farm', 'Ward 3B corridor', 'Wardwalk Lab sensor 1.0', farmIps);

    // DICOM SCP: dcmtk storescp with our AE title on 11112.
    fs.mkdirSync(path.join(dir, 'dicom'));
    start('storescp', pacs.ns, ['storescp', '--aetitle', PACS_AE, '-od', path.join(dir, 'dicom'), '11112']);

    // HTTP and HTTPS: nginx with a certificate made here by openssl.
    sh('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=ward3b-pacs-gw.example.org/O=Wardwalk Lab']);
    fs.mkdirSync(path.join(dir, 'nginx-tmp'));
    const t = path.join(dir, 'nginx-tmp');
    fs.writeFileSync(path.join(dir, 'nginx.conf'), `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${t}; proxy_temp_path ${t}; fastcgi_temp_path ${t}; uwsgi_temp_path ${t}; scgi_temp_path ${t};
  server {
    listen ${pacs.ip}:80; listen ${pacs.ip}:443 ssl;
    ssl_certificate ${dir}/cert.pem; ssl_certificate_key ${dir}/key.pem;
    location / { return 200 "Ward 3B PACS gateway\\n"; }
  }
}
`);
    start('nginx', pacs.ns, ['nginx', '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'nginx-error.log')]);

    // avahi-daemon with its own config, in a private mount namespace so its service files and pid file
    // are ours (it has no option for either): --no-drop-root/--no-chroot as it runs without its user.
    const av = path.join(dir, 'avahi');
    fs.mkdirSync(path.join(av, 'services'), { recursive: true });
    fs.mkdirSync(path.join(av, 'run'));
    fs.writeFileSync(path.join(av, 'avahi-daemon.conf'), `[server]
host-name=ward3b-pacs-gw
domain-name=local
use-ipv4=yes
use-ipv6=no
allow-interfaces=${pacs.nsIf}
enable-dbus=no
[wide-area]
enable-wide-area=no
[publish]
publish-workstation=no
`);
    fs.writeFileSync(path.join(av, 'services', 'pacs.service'), `<?xml version="1.0" standalone='no'?>
<!DOCTYPE service-group SYSTEM "avahi-service.dtd">
<service-group>
  <name>Ward 3B PACS gateway</name>
  <service><type>_dicom._tcp</type><port>11112</port></service>
  <service><type>_http._tcp</type><port>80</port></service>
</service-group>
`);
    start('avahi', pacs.ns, [
      'unshare', '-m', 'sh', '-c',
      `mount --bind ${av}/services /etc/avahi/services && mount --bind ${av}/run /run && exec avahi-daemon -f ${av}/avahi-daemon.conf --no-drop-root --no-chroot --no-rlimits`,
    ]);

    // No SSDP or NetBIOS daemon ships in the test image (samba's nmbd and miniupnpd are not installed), so
    // a tiny responder on the farm's first address answers: NBSTAT with the real answer bytes captured in
    // nDPI's netbios.pcap (frame 55, id patched), and M-SEARCH with a UDA 2.0 §1.3.3-shaped response.
    fs.writeFileSync(path.join(dir, 'responder.cjs'), RESPONDER.replace('@IP@', farm.ip));
    start('responder', farm.ns, [process.execPath, path.join(dir, 'responder.cjs')]);
    await waitFor('responder', () => listening(farm.ns, 'u', 137) && listening(farm.ns, 'u', 1900));

    await waitFor('snmpd (pacs)', () => listening(pacs.ns, 'u', 161));
    await waitFor('snmpd (vent)', () => listening(vent.ns, 'u', 161));
    await waitFor('snmpd (farm)', () => listening(farm.ns, 'u', 161));
    await waitFor('storescp', () => listening(pacs.ns, 't', 11112));
    await waitFor('nginx', () => listening(pacs.ns, 't', 443));
    await waitFor('avahi', () => /Server startup complete/.test(fs.readFileSync(path.join(dir, 'avahi.log'), 'utf8')) && /successfully established/.test(fs.readFileSync(path.join(dir, 'avahi.log'), 'utf8')));

    const capture = async (dev: LabDevice, name: string): Promise<Capture> => {
      const file = path.join(dir, `${name}.pcap`);
      const c = spawn('tcpdump', ['-i', dev.hostIf, '-n', '-U', '--immediate-mode', '-s', '128', '-w', file], { stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(c);
      let err = '';
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`tcpdump did not start: ${err}`)), 5000);
        c.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          if (/listening on/.test(err)) {
            clearTimeout(t);
            resolve();
          }
        });
        c.once('exit', () => reject(new Error(`tcpdump exited: ${err}`)));
      });
      return {
        stop: async () => {
          await new Promise((r) => setTimeout(r, 200)); // late answers and closes land in the file
          await new Promise<void>((resolve) => {
            c.once('exit', () => resolve());
            c.kill('SIGINT');
          });
          return readPcap(file);
        },
      };
    };

    return { dir, pacs, vent, farm, capture, close };
  } catch (err) {
    await close();
    throw err;
  }
}
