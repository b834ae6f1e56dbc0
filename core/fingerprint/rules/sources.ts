// Where each rule's knowledge comes from. Every rule names one of these; the UI shows it beside the
// verdict. `verified` says how the fact was checked when the rule was written:
// - 'registry': read from the authoritative registry (or a verbatim copy of it);
// - 'document': stated in the cited vendor document or standard;
// - 'observed': seen on the wire from the named product (a public capture or a local run);
// - 'reported': stated by a public third-party source (open-source integration, review), not by the
//   maker; rules citing only such a source keep a lower strength.
export interface Source {
  title: string;
  url: string;
  verified: 'registry' | 'document' | 'observed' | 'reported';
  license?: string;
  note?: string;
}

export const SOURCES = {
  'cisa-icsma': {
    title: 'CISA ICS Medical Advisories (ICSMA): vendor and product names of medical devices (US government work)',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories',
    verified: 'document',
    note: 'advisory ids in each rule ref, e.g. ICSMA-20-170-04 is https://www.cisa.gov/news-events/ics-medical-advisories/icsma-20-170-04',
  },
  'ieee-ra': {
    title: 'IEEE Registration Authority: MA-L, MA-M, MA-S public listings (via the oui-data package)',
    url: 'https://standards.ieee.org/products-programs/regauth/',
    verified: 'registry',
    license: 'public registry; oui-data packaging BSD-2-Clause',
  },
  'iana-pen': {
    title: 'IANA Private Enterprise Numbers (SMI Network Management Private Enterprise Codes)',
    url: 'https://www.iana.org/assignments/enterprise-numbers/',
    verified: 'registry',
    note: 'checked against the copy shipped with Wireshark 4 (/usr/share/wireshark/enterprises.tsv)',
  },
  'rfc3418': {
    title: 'RFC 3418, MIB for SNMP: sysDescr, sysObjectID ("the vendor\'s authoritative identification")',
    url: 'https://www.rfc-editor.org/rfc/rfc3418',
    verified: 'document',
  },
  'ashrae-bacnet-vendors': {
    title: 'ASHRAE SSPC 135: BACnet Vendor Identification Numbers',
    url: 'https://bacnet.org/assigned-vendor-ids/',
    verified: 'registry',
    note: 'checked against the table in Wireshark 4\'s BACnet dissector (tshark -G values, bacapp.vendor_identifier)',
  },
  fingerbank: {
    title: 'Fingerbank DHCP fingerprint database v6.8.2 (2014-06-09), Inverse inc.',
    url: 'https://github.com/inverse-inc/fingerbank',
    verified: 'registry',
    license: 'ODbL-1.0 (database) / DbCL-1.0 (contents); see rules/fingerbank-dhcp.ts',
  },
  'rfc2132': {
    title: 'RFC 2132, DHCP Options: 12 host name, 55 parameter request list, 60 vendor class identifier',
    url: 'https://www.rfc-editor.org/rfc/rfc2132',
    verified: 'document',
  },
  'ms-dhcp-vendor-class': {
    title: 'Windows DHCP client vendor class "MSFT 5.0" (Windows 2000 and later), as recorded by Fingerbank',
    url: 'https://github.com/inverse-inc/fingerbank',
    verified: 'registry',
    note: 'Fingerbank [os 100..] entries list vendor_id MSFT 5.0 for Windows 2000 and later',
  },
  'aosp-dhcp': {
    title: 'Android Open Source Project: DHCP client vendor class "android-dhcp-<release>"',
    url: 'https://android.googlesource.com/platform/frameworks/base/+/master/services/net/java/android/net/dhcp/DhcpPacket.java',
    verified: 'reported',
  },
  'dhcpcd-man': {
    title: 'dhcpcd(8): default vendor class "dhcpcd-<version>:<os>:<machine>:<platform>"',
    url: 'https://man.archlinux.org/man/dhcpcd.8',
    verified: 'document',
  },
  'busybox-udhcpc': {
    title: 'BusyBox udhcpc: default vendor class "udhcp <version>" (embedded Linux)',
    url: 'https://git.busybox.net/busybox/tree/networking/udhcp/dhcpc.c',
    verified: 'document',
  },
  'rfc6763': {
    title: 'RFC 6763, DNS-Based Service Discovery; service names from the IANA Service Name registry',
    url: 'https://www.iana.org/assignments/service-names-port-numbers/',
    verified: 'registry',
  },
  'pwg-ipp-everywhere': {
    title: 'PWG 5100.14 IPP Everywhere: printers advertise _ipp._tcp / _ipps._tcp with TXT ty=, product=',
    url: 'https://ftp.pwg.org/pub/pwg/candidates/cs-ippeve11-20200515-5100.14.pdf',
    verified: 'document',
  },
  'apple-bonjour-printing': {
    title: 'Apple Bonjour Printing Specification 1.2.1: _pdl-datastream._tcp, _printer._tcp, TXT ty=',
    url: 'https://developer.apple.com/bonjour/printing-specification/bonjourprinting-1.2.1.pdf',
    verified: 'document',
  },
  'google-cast': {
    title: 'Google Cast: receivers advertise _googlecast._tcp (TXT md= model name)',
    url: 'https://developers.google.com/cast/docs/discovery',
    verified: 'document',
  },
  'apple-airplay': {
    title: 'Apple AirPlay: receivers advertise _airplay._tcp (TXT model=)',
    url: 'https://developer.apple.com/documentation/avfoundation/airplay',
    verified: 'reported',
  },
  'apple-hap': {
    title: 'Apple HomeKit Accessory Protocol: accessories and bridges advertise _hap._tcp (TXT md=, ci=)',
    url: 'https://developer.apple.com/homekit/',
    verified: 'document',
  },
  'axis-vapix': {
    title: 'Axis VAPIX: Axis network video devices advertise _axis-video._tcp',
    url: 'https://developer.axis.com/vapix/',
    verified: 'document',
  },
  'upnp-da': {
    title: 'UPnP Device Architecture 2.0: SERVER header "OS/version UPnP/2.0 product/version"',
    url: 'https://openconnectivity.org/upnp-specs/UPnP-arch-DeviceArchitecture-v2.0-20200417.pdf',
    verified: 'document',
  },
  'hue-ssdp': {
    title: 'Hue API notes: the Hue bridge answers SSDP with SERVER "… IpBridge/<version>"',
    url: 'https://raw.githubusercontent.com/Burgestrand/hue-api/master/content/api/discovery.md',
    verified: 'reported',
    note: 'also seen in the IoT Sentinel HueBridge capture (00:17:88 Philips Lighting)',
  },
  'wemo-upnp': {
    title: 'Belkin WeMo UPnP device types (urn:Belkin:device:controllee/insight/bridge/lightswitch/sensor)',
    url: 'https://github.com/rudders/homebridge-platform-wemo/blob/master/lib/constants.js',
    verified: 'reported',
    note: 'same table in openHAB\'s WeMo binding documentation',
  },
  'tplink-kasa': {
    title: 'TP-Link Kasa HS100 / HS110 Smart Wi-Fi Plug product pages (listed by nymea-plugins tplink/README.md)',
    url: 'https://www.tp-link.com/ca/home-networking/smart-plug/hs100/',
    verified: 'reported',
  },
  'dlink-smarthome': {
    title: 'D-Link mydlink Home: DCH-S150 Wi-Fi motion sensor, DSP-W215 Wi-Fi smart plug (openHAB dlinksmarthome binding)',
    url: 'https://github.com/openhab/openhab-addons/blob/main/bundles/org.openhab.binding.dlinksmarthome/README.md',
    verified: 'reported',
    note: 'DCH-S160 water sensor and DCH-S220 siren: same mydlink Home family (smart-wohnen.net review)',
  },
  'dlink-dcs': {
    title: 'D-Link DCS series are network (IP) cameras (D-Link DCS user manuals)',
    url: 'https://www.dlink.com/en/consumer/cameras',
    verified: 'reported',
  },
  'dlink-hnap': {
    title: 'D-Link HNAP (Home Network Administration Protocol) service _dhnap._tcp, used only by D-Link devices',
    url: 'https://github.com/LinuxChristian/pyW215',
    verified: 'reported',
  },
  'osram-lightify': {
    title: 'OSRAM Lightify gateway (ZigBee lighting gateway), default host name "Lightify-<id>"',
    url: 'https://github.com/openhab/openhab-addons/tree/main/bundles/org.openhab.binding.osramlightify',
    verified: 'reported',
  },
  'ieee-802.1ab': {
    title: 'IEEE 802.1AB LLDP: system description and system capabilities TLVs',
    url: 'https://standards.ieee.org/ieee/802.1AB/6047/',
    verified: 'document',
  },
  'cisco-cdp': {
    title: 'Cisco Discovery Protocol: Platform TLV ("cisco WS-C3560G-24PS", "Cisco IP Phone 7961"), Software Version TLV',
    url: 'https://github.com/the-tcpdump-group/tcpdump/blob/master/tests/3560_CDP.pcap',
    verified: 'observed',
    note: 'seen in tcpdump 3560_CDP.pcap and Zeek cdp-v1.pcap',
  },
  'dicom-ps3.5-uid': {
    title: 'DICOM PS3.5 §9 and Annex B: UIDs are <org root>.<suffix>, the root registered to one organisation',
    url: 'https://dicom.nema.org/medical/dicom/current/output/chtml/part05/chapter_9.html',
    verified: 'document',
  },
  'dicom-ps3.7-impl': {
    title: 'DICOM PS3.7 Annex D.3.3.2: Implementation Class UID and Version Name identify the implementation',
    url: 'https://dicom.nema.org/medical/dicom/current/output/chtml/part07/sect_D.3.3.2.html',
    verified: 'document',
  },
  'ge-dicom-cs': {
    title: 'GE Healthcare DICOM conformance statements (e.g. Centricity RA600, LOGIQ e, Xeleris): UIDs under 1.2.840.113619',
    url: 'https://docslib.org/doc/2498969/centricity-radiology-ra-600-v6-1-conformance-statement-for-dicom-v3-0',
    verified: 'document',
  },
  'philips-dicom-cs': {
    title: 'Philips DICOM conformance statements (e.g. Brilliance Workspace, iSite, IntelliSpace): UIDs under 1.3.46.670589',
    url: 'https://kipdf.com/philips-isite-pacs-35-dicom-conformance-statement-isite-35-cref-aug-08-philips-h_5aaff2051723dd349c80b822.html',
    verified: 'document',
  },
  'siemens-dicom-cs': {
    title: 'Siemens Healthineers DICOM conformance statements (syngo.via, syngo.plaza…): UIDs under 1.3.12.2.1107.5',
    url: 'https://pdfslide.us/documents/syngovia-vb20a.html',
    verified: 'document',
  },
  'canon-dicom-cs': {
    title: 'Toshiba / Canon Medical Systems DICOM conformance statements (Aquilion, Aplio, Alphenix): UIDs under 1.2.392.200036.9116',
    url: 'https://www.medical.canon/Interoperability/DICOM/EN',
    verified: 'document',
  },
  'fujifilm-dicom-cs': {
    title: 'FUJIFILM Medical Systems DICOM conformance statements (Synapse)',
    url: 'https://pdfslide.us/documents/dicom-conformance-statement-fujifilm-healthcare.html',
    verified: 'reported',
    note: 'root 1.2.392.200036.9125 not confirmed from a statement in hand: rule kept weak',
  },
  'dcmtk': {
    title: 'OFFIS DCMTK: implementation class UID root 1.2.276.0.7230010.3 (dcmtk 3.6.7 sends 1.2.276.0.7230010.3.0.3.6.7, OFFIS_DCMTK_367)',
    url: 'https://support.dcmtk.org/docs/',
    verified: 'observed',
    note: 'observed locally: echoscu -d against storescp (Debian 12 dcmtk 3.6.7)',
  },
  'dcm4che': {
    title: 'dcm4che / dcm4chee-arc conformance statement: Implementation Class UID 1.2.40.0.13.1.3, Version Name dcm4che-5.x',
    url: 'https://github.com/dcm4che/dcm4chee-arc-cs',
    verified: 'document',
  },
  'hl7-v2-msh': {
    title: 'HL7 v2.5 chapter 2: MSH-3 Sending Application, MSH-4 Sending Facility',
    url: 'https://www.hl7.org/implement/standards/product_brief.cfm?product_id=144',
    verified: 'document',
  },
  'ms-lifecycle': {
    title: 'Microsoft Lifecycle Policy: product end-of-support dates',
    url: 'https://learn.microsoft.com/en-us/lifecycle/products/',
    verified: 'document',
  },
  'kernel-releases': {
    title: 'kernel.org releases: longterm series and their end of life',
    url: 'https://www.kernel.org/category/releases.html',
    verified: 'document',
  },
  'vm-oui': {
    title: 'Hypervisor vendors\' registered OUIs (VMware 00:0C:29 / 00:50:56, VirtualBox 08:00:27, Hyper-V 00:15:5D, Xen 00:16:3E)',
    url: 'https://standards.ieee.org/products-programs/regauth/',
    verified: 'registry',
  },
  'http-ua-rfc9110': {
    title: 'RFC 9110 §10.1.5 User-Agent and §10.2.4 Server: product tokens',
    url: 'https://www.rfc-editor.org/rfc/rfc9110',
    verified: 'document',
  },
  'ms-ua-tokens': {
    title: 'Microsoft: Windows NT version tokens in user-agent strings (NT 5.1 XP, 6.1 Windows 7, 10.0 Windows 10/11)',
    url: 'https://learn.microsoft.com/en-us/windows/win32/sysinfo/operating-system-version',
    verified: 'document',
  },
  'vendor-name': {
    title: 'Maker names its own product in the string (brand token), no further inference',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.1.5',
    verified: 'document',
    note: 'product tokens name the product; only the maker is taken from them',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
