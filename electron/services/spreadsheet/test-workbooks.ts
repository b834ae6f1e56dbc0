// Synthetic legacy inventories for tests and the benchmark, built with SheetJS to the shape of real
// hospital sheets (title rows above the header, merged cells, a two-row header, several sheets,
// serials stored as numbers, text dates, misspelled makers, Spanish/French/German headers,
// placeholders). Every value here is invented: no real inventory rows are copied.
import * as XLSX from 'xlsx';

type Cell = string | number | Date | null;

function sheetFrom(rows: Cell[][], merges: XLSX.Range[] = []): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: 'dd/mm/yyyy' });
  ws['!merges'] = merges;
  return ws;
}

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

/** The Spanish hospital workbook: 3 sheets, title rows, a two-row header, every kind of mess. */
export function spanishHospitalWorkbook(): XLSX.WorkBook {
  const title: Cell[][] = [
    ['HOSPITAL GENERAL SAN ISIDRO — INVENTARIO DE EQUIPOS BIOMÉDICOS'],
    ['Departamento de Ingeniería Clínica · revisión marzo 2019'],
    [],
  ];
  const h1: Cell[] = ['N° inventario', 'Equipo', 'Marca', 'Modelo', 'Número de serie', 'Servicio', 'Ubicación', null, null, 'Dirección MAC', 'IP', 'Fecha de instalación', 'Mantenimiento preventivo', 'Riesgo', 'Observaciones'];
  const h2: Cell[] = [null, null, null, null, null, null, 'Edificio', 'Piso', 'Sala', null, null, null, null, null, null];
  const data: Cell[][] = [
    ['HGS-0001', 'Bomba de infusión', 'CareFusion', 'Alaris GP', 8003456712, 'UCI Adultos', 'Torre A', '3', 'UCI-301', '00-1B-44-11-3A-B7', '10.20.1.15', '30/11/2006', 'Semestral', 'Alto', 'Préstamo de quirófano'],
    ['HGS-0002', 'Bomba de infusión', 'Alaris', 'GP Plus', 8003456713, 'UCI Adultos', 'Torre A', '3', 'UCI-302', '001b.4411.3ab8', '010.020.001.016', '24/10/2007', 'Semestral', 'Alto', null],
    ['HGS-0003', 'Monitor de signos vitales', 'Phillips', 'IntelliVue MX450', 'DE12345678', 'Urgencias', 'Torre B', '1', 'URG-12', '00:09:FB:01:02:03', '10.20.2.40', d(2013, 8, 25), 'Anual', 'Alto', null],
    ['HGS-0004', 'Tomógrafo', 'Toshipa', 'Aquilion 64', '3L225', 'Radiología', 'Torre B', 'PB', 'TAC-1', 'N/A', '10.20.3.10', '10/02/2016', 'Trimestral', 'Medio', 'Contrato con proveedor'],
    ['HGS-0005', 'Ventilador', 'Draeger', 'Evita V500', 'ASBH-0042', 'UCI Adultos', 'Torre A', '3', 'UCI-303', 'NO REGISTRA', '-', '05/03/2015', 'Semestral', 'Alto', null],
    ['HGS-0006', 'Electrocardiógrafo', 'GE', 'MAC 2000', 123456789012345, 'Cardiología', 'Torre B', '2', 'CARD-4', '', '', d(2010, 3, 24), 'Anual', 'Medio', null],
    ['HGS-0007', 'Desfibrilador', 'Zoll', 'R Series', 'AF12J003456', 'Urgencias', 'Torre B', '1', 'URG-01', 's/n', 'sin dato', '28/09/2001', 'Semestral', 'Alto', null],
    [],
    ['HGS-0008', 'Bomba de jeringa', 'Hospira', 'Plum A+', 'sin dato', 'Pediatría', 'Torre C', '2', 'PED-210', '00:1B:44:11:3A:C0', '10.20.4.21', 'NO REGISTRA', 'Semestral', 'Alto', '=HYPERLINK("http://x")'],
    ['HGS-0009', 'Resonador magnético', 'Siemens', 'Magnetom Aera', 41034, 'Radiología', 'Torre B', 'PB', 'RM-1', '08:00:06:AA:BB:CC', '10.20.3.11', '25/08/2013', 'Trimestral', 'Medio', null],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'equipo dado de baja, ver hoja Bajas'],
    ['HGS-0003', 'Monitor de signos vitales', 'Philips', 'IntelliVue MX450', 'DE12345679', 'Urgencias', 'Torre B', '1', 'URG-13', null, null, null, null, null, 'tag repetido'],
    ['HGS-0010', 'Monitor multiparámetro', 'Mindray', 'BeneVision N12', 'MR-77881', 'Quirófano', 'Torre C', '1', 'QX-2', 'zz:zz', '10.20.5.300', '31/12/2018', 'Semestral', 'Alto', null],
    ['TOTAL EQUIPOS: 10'],
  ];
  const inv = sheetFrom([...title, h1, h2, ...data], [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 14 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: 14 } },
    { s: { r: 3, c: 6 }, e: { r: 3, c: 8 } },
    ...[0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14].map((c) => ({ s: { r: 3, c }, e: { r: 4, c } })),
  ]);
  const bajas = sheetFrom(
    [
      ['EQUIPOS DADOS DE BAJA'],
      ['Código', 'Descripción', 'Fabricante', 'Modelo', 'N° de serie', 'Fecha de baja', 'Motivo'],
      ['HGS-0901', 'Rayos X portátil', 'Toshiba', 'Mobirex', 66723822, '15/01/2017', 'Obsoleto'],
      ['HGS-0902', 'Incubadora', 'Dräger', 'Isolette C2000', 'CY34225', '03/04/2018', 'Falla irreparable'],
      ['HGS-0903', 'Bomba de infusión', 'BD', 'Alaris 8100', 8003456000, '12/12/2019', 'Reemplazo'],
    ],
    [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }],
  );
  const notas = sheetFrom([['Notas'], ['Inventario levantado por el servicio de biomédica.']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, inv, 'Inventario 2019');
  XLSX.utils.book_append_sheet(wb, bajas, 'Bajas');
  XLSX.utils.book_append_sheet(wb, notas, 'Notas');
  return wb;
}

/** French inventory as CSV with ';' separators (Excel "CSV (séparateur: point-virgule)"), Windows-1252. */
export function frenchCsvText(): string {
  return [
    "N° d'inventaire;Désignation;Fabricant;Modèle;Numéro de série;Service;Salle;Adresse MAC;Adresse IP;Date d'installation",
    'CHU-1001;Pousse-seringue;B. Braun;Perfusor Space;0012345;Réanimation;R-104;00:1a:2b:3c:4d:5e;192.168.10.21;12/03/2012',
    'CHU-1002;Moniteur;Philips Medizin Systeme Böblingen;IntelliVue MP70;DE-998877;Réanimation;R-105;00-1A-2B-3C-4D-5F;192.168.10.22;01/07/2014',
    'CHU-1003;Échographe;Fujifilm SonoSite;Edge II;;Cardiologie;C-12;n.d.;?;25/12/2019',
    'CHU-1004;Pompe volumétrique;Fresenius Kabi;Agilia VP;"12 345 678";Néonatologie;N-3;;;',
  ].join('\r\n') + '\r\n';
}

/** German inventory as UTF-8 CSV with a BOM and ',' separators, dates dd.mm.yyyy. */
export function germanCsvText(): string {
  return [
    'Inventarnummer,Gerät,Hersteller,Modell,Seriennummer,Abteilung,Raum,MAC-Adresse,IP-Adresse,Inbetriebnahme',
    'KH-5001,Beatmungsgerät,Drägerwerk AG,Evita Infinity V500,ASCD-1234,Intensivstation,ITS 2.014,0030.6e11.2233,172.16.4.10,24.03.2010',
    'KH-5002,Infusionspumpe,Braun,Infusomat Space,"34,5",Intensivstation,ITS 2.015,,172.16.4.11,01.02.2011',
    'KH-5003,Patientenmonitor,Spacelabs,Xprezzon,3500-123456,Notaufnahme,NA 0.1,k.A.,k.A.,13.13.2013',
  ].join('\r\n') + '\r\n';
}

/** An English sheet with US dates (month first), to test the per-column date-order guess. */
export function englishUsWorkbook(): XLSX.WorkBook {
  const ws = sheetFrom([
    ['Asset Tag', 'Description', 'Manufacturer', 'Model', 'Serial Number', 'Department', 'Room', 'MAC Address', 'IP Address', 'Hostname', 'Install Date', 'Last PM', 'Status'],
    ['BME-100', 'Infusion pump', 'Baxter', 'Sigma Spectrum', 'SP1234567', 'ICU', '4-112', '00:1E:C0:00:11:22', '10.9.0.5', 'pump-icu-1', '03/15/2016', '01/02/2023', 'In service'],
    ['BME-101', 'Patient monitor', 'GE Healthcare', 'CARESCAPE B650', 'SHQ12345678', 'ED', 'ED-7', '00:00:BC:AA:00:01', '10.9.0.6', 'mon-ed-7', '04/03/2017', '12/20/2022', 'Out of service'],
    ['BME-102', 'Ultrasound', 'Philips', 'EPIQ 7', 'US-445566', 'Radiology', 'R-2', null, '10.9.0.7', 'us-rad-2', '11/30/2019', '06/01/2023', 'In storage'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Equipment');
  return wb;
}

/** A workbook whose sheet names and headers try prototype pollution. */
export function pollutionWorkbook(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  const rows: Cell[][] = [
    ['Asset tag', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'Serial'],
    ['P-1', '{"polluted":true}', 'polluted', 'polluted', 'polluted', 'x', 'S-0001'],
    ['P-2', 'polluted', '__proto__', 'constructor', 'polluted', 'y', 'S-0002'],
  ];
  XLSX.utils.book_append_sheet(wb, sheetFrom(rows), '__proto__');
  XLSX.utils.book_append_sheet(wb, sheetFrom(rows), 'constructor');
  XLSX.utils.book_append_sheet(wb, sheetFrom(rows), 'prototype');
  return wb;
}

/** A big inventory for the benchmark: `n` rows of realistic mixed content. */
export function bigWorkbook(n: number): XLSX.WorkBook {
  const makers = ['CareFusion', 'Alaris', 'BD', 'GE', 'Phillips', 'Philips', 'Toshipa', 'Siemens', 'Draeger', 'Mindray', 'Nihon Kohden', 'Hospira', 'B. Braun', 'Baxter', 'Zoll'];
  const types = ['Bomba de infusión', 'Monitor', 'Ventilador', 'Desfibrilador', 'Electrocardiógrafo', 'Ecógrafo'];
  const rows: Cell[][] = [['HOSPITAL — INVENTARIO'], [], ['N° inventario', 'Equipo', 'Marca', 'Modelo', 'Número de serie', 'Servicio', 'Edificio', 'Piso', 'Sala', 'Dirección MAC', 'IP', 'Fecha de instalación', 'Observaciones']];
  for (let i = 0; i < n; i++) {
    const hex = (i + 0x100000).toString(16).padStart(6, '0');
    rows.push([
      `INV-${String(i).padStart(6, '0')}`,
      types[i % types.length]!,
      makers[i % makers.length]!,
      `M-${i % 97}`,
      i % 3 === 0 ? 8_000_000_000 + i : `SN${hex.toUpperCase()}`,
      `Servicio ${i % 40}`,
      `Torre ${'ABCD'[i % 4]}`,
      String(i % 9),
      `S-${i % 500}`,
      i % 5 === 0 ? 'N/A' : `00-1B-44-${hex.slice(0, 2)}-${hex.slice(2, 4)}-${hex.slice(4, 6)}`,
      `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      i % 2 === 0 ? `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/20${String(i % 20).padStart(2, '0')}` : d(2000 + (i % 20), (i % 12) + 1, (i % 28) + 1),
      i % 7 === 0 ? 'revisar' : null,
    ]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheetFrom(rows, [{ s: { r: 0, c: 0 }, e: { r: 0, c: 12 } }]), 'Inventario');
  return wb;
}

export function workbookBytes(wb: XLSX.WorkBook, bookType: XLSX.BookType): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

/** Windows-1252 bytes for text (only Latin-1 characters are used in the fixtures). */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw new Error(`not Latin-1: ${s[i]}`);
    out[i] = c;
  }
  return out;
}

export function utf8BomBytes(s: string): Uint8Array {
  const b = new TextEncoder().encode(s);
  const out = new Uint8Array(b.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(b, 3);
  return out;
}
