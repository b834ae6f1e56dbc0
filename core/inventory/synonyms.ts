// Header names per field, in English, Spanish, French, German (and some Portuguese, Italian and
// Indonesian, seen in real hospital sheets). Compared after headerKey() folding, so accents, case,
// punctuation and "N°"/"Nr."/"#" spellings do not matter. This is data: add names here, not code.
import type { AssetField } from './types';
import { headerKey } from './text';

type Lang = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it' | 'id';

export const HEADER_SYNONYMS: Record<AssetField, Partial<Record<Lang, string[]>>> = {
  assetTag: {
    en: ['asset tag', 'asset no', 'asset id', 'asset', 'tag', 'inventory no', 'inventory', 'equipment no', 'equipment id', 'control no', 'equipment control no', 'ecn', 'property no', 'barcode', 'id no'],
    es: ['no inventario', 'inventario', 'codigo inventario', 'codigo', 'cod', 'activo', 'no activo', 'codigo activo', 'placa', 'no placa', 'etiqueta', 'codigo equipo', 'id equipo', 'no patrimonio', 'patrimonio', 'codigo barras'],
    fr: ['no inventaire', 'inventaire', 'code inventaire', 'code', 'no immobilisation', 'immobilisation', 'etiquette'],
    de: ['inventarnummer', 'inventar no', 'inventar', 'anlagennummer', 'anlagen no', 'geratenummer', 'gerate no', 'gerate id', 'barcode'],
    pt: ['patrimonio', 'no patrimonio'],
    id: ['no inventaris', 'inventaris', 'kode alat'],
  },
  serial: {
    en: ['serial', 'serial no', 'sn', 's n', 'serial number', 'manufacturer serial', 'serial nbr'],
    es: ['serie', 'no serie', 'serial', 'no serial', 'numero serie', 'ns'],
    fr: ['no serie', 'serie', 'numero serie'],
    de: ['seriennummer', 'serien no', 'serien nr', 'sn', 'fabrikationsnummer', 'fabrik no'],
    it: ['matricola', 'no matricola'],
    id: ['no seri', 'seri'],
  },
  maker: {
    en: ['maker', 'manufacturer', 'mfr', 'mfg', 'make', 'brand', 'vendor', 'oem'],
    es: ['marca', 'fabricante', 'proveedor'],
    fr: ['marque', 'fabricant', 'constructeur'],
    de: ['hersteller', 'marke', 'fabrikat'],
    it: ['produttore'],
    id: ['merk', 'merek', 'pabrikan'],
  },
  model: {
    en: ['model', 'model no', 'model name', 'model number', 'catalog no', 'part no'],
    es: ['modelo', 'referencia', 'ref'],
    fr: ['modele', 'reference'],
    de: ['modell', 'typ', 'typbezeichnung', 'modellbezeichnung'],
    id: ['tipe', 'tipe alat'],
  },
  description: {
    en: ['description', 'equipment', 'equipment name', 'device', 'device name', 'item', 'name', 'device type', 'equipment type', 'type', 'asset description', 'nomenclature', 'umdns term', 'gmdn term'],
    es: ['equipo', 'descripcion', 'nombre equipo', 'nombre', 'tipo equipo', 'tipo', 'denominacion', 'dispositivo', 'nombre dispositivo', 'descripcion equipo'],
    fr: ['equipement', 'designation', 'libelle', 'appareil', 'type appareil', 'nom'],
    de: ['bezeichnung', 'gerat', 'geratebezeichnung', 'geratetyp', 'beschreibung', 'geratename'],
    id: ['nama alat', 'alat', 'nama'],
  },
  department: {
    en: ['department', 'dept', 'service', 'unit', 'ward', 'cost center', 'clinical area', 'area'],
    es: ['servicio', 'departamento', 'unidad', 'area', 'sector', 'centro costo', 'dependencia'],
    fr: ['service', 'departement', 'unite', 'pole', 'unite fonctionnelle', 'uf'],
    de: ['abteilung', 'station', 'bereich', 'fachabteilung', 'kostenstelle', 'klinik'],
    id: ['ruangan', 'unit', 'instalasi', 'bagian'],
  },
  site: {
    en: ['site', 'hospital', 'facility', 'campus'],
    es: ['sede', 'hospital', 'centro', 'establecimiento'],
    fr: ['site', 'etablissement', 'hopital'],
    de: ['standort', 'krankenhaus', 'klinikum', 'haus'],
  },
  building: {
    en: ['building', 'bldg', 'block', 'wing', 'pavilion'],
    es: ['edificio', 'bloque', 'pabellon', 'torre'],
    fr: ['batiment', 'bat', 'aile', 'pavillon'],
    de: ['gebaude', 'bau', 'trakt'],
    id: ['gedung'],
  },
  floor: {
    en: ['floor', 'level', 'storey'],
    es: ['piso', 'planta', 'nivel'],
    fr: ['etage', 'niveau'],
    de: ['etage', 'stockwerk', 'ebene', 'geschoss'],
    id: ['lantai'],
  },
  room: {
    en: ['room', 'room no', 'location', 'bay', 'bed'],
    es: ['sala', 'ubicacion', 'habitacion', 'cuarto', 'local', 'consultorio', 'localizacion', 'ubicacion fisica', 'lugar'],
    fr: ['salle', 'piece', 'local', 'chambre', 'localisation', 'emplacement'],
    de: ['raum', 'raum no', 'zimmer', 'standort raum', 'raumnummer', 'ort'],
    id: ['ruang', 'lokasi'],
  },
  mac: {
    en: ['mac', 'mac address', 'mac addr', 'hardware address', 'ethernet address', 'wifi mac', 'lan mac', 'physical address'],
    es: ['direccion mac', 'mac equipo'],
    fr: ['adresse mac'],
    de: ['mac adresse', 'hardwareadresse'],
  },
  ip: {
    en: ['ip', 'ip address', 'ip addr', 'ipv4', 'ipv6', 'address ip', 'network address'],
    es: ['direccion ip', 'ip equipo'],
    fr: ['adresse ip'],
    de: ['ip adresse'],
  },
  hostname: {
    en: ['hostname', 'host name', 'host', 'network name', 'computer name', 'dns name', 'netbios name', 'fqdn', 'ae title'],
    es: ['nombre host', 'nombre red', 'nombre equipo red'],
    fr: ['nom hote', 'nom reseau'],
    de: ['hostname', 'rechnername', 'netzwerkname'],
  },
  os: {
    en: ['os', 'operating system', 'os version'],
    es: ['sistema operativo', 'so'],
    fr: ['systeme exploitation', 'se'],
    de: ['betriebssystem', 'bs'],
  },
  firmware: {
    en: ['firmware', 'firmware version', 'fw', 'fw version'],
    es: ['version firmware'],
    fr: ['version firmware', 'micrologiciel'],
    de: ['firmware version', 'firmwarestand'],
  },
  softwareVersion: {
    en: ['software', 'software version', 'sw version', 'sw', 'version', 'software rev', 'revision'],
    es: ['version software', 'version'],
    fr: ['version logiciel', 'logiciel', 'version'],
    de: ['softwareversion', 'software stand', 'softwarestand', 'version'],
  },
  status: {
    en: ['status', 'state', 'condition', 'operational status', 'equipment status'],
    es: ['estado', 'condicion', 'estado equipo', 'situacion'],
    fr: ['etat', 'statut'],
    de: ['status', 'zustand', 'betriebszustand'],
    id: ['status alat', 'kondisi', 'status'],
  },
  highRisk: {
    en: ['high risk', 'risk', 'risk class', 'critical', 'criticality', 'risk level'],
    es: ['alto riesgo', 'riesgo', 'clase riesgo', 'criticidad', 'critico'],
    fr: ['risque', 'classe risque', 'criticite', 'critique'],
    de: ['risiko', 'risikoklasse', 'kritisch', 'hochrisiko'],
  },
  lifeSupport: {
    en: ['life support', 'life sustaining'],
    es: ['soporte vital', 'soporte vida'],
    fr: ['maintien vie', 'support vital', 'survie'],
    de: ['lebenserhaltend', 'lebenserhaltung'],
  },
  installDate: {
    en: ['install date', 'installation date', 'installed', 'date installed', 'commissioning date', 'in service date', 'acquisition date', 'purchase date', 'received date'],
    es: ['fecha instalacion', 'instalacion', 'fecha adquisicion', 'fecha compra', 'fecha ingreso', 'fecha puesta marcha'],
    fr: ['date installation', 'installation', 'date mise service', 'mise service', 'date acquisition', 'date achat'],
    de: ['installationsdatum', 'inbetriebnahme', 'inbetriebnahmedatum', 'anschaffungsdatum', 'kaufdatum'],
  },
  lastPm: {
    en: ['last pm', 'last maintenance', 'last service', 'last pm date', 'last inspection', 'pm done', 'last stk'],
    es: ['ultimo mantenimiento', 'ultimo mantenimiento preventivo', 'fecha ultimo mantenimiento', 'ultimo mp', 'ultima revision'],
    fr: ['derniere maintenance', 'dernier entretien', 'derniere intervention', 'derniere maintenance preventive'],
    de: ['letzte wartung', 'letzte stk', 'letzte prufung', 'letzte inspektion'],
  },
  nextPm: {
    en: ['next pm', 'next maintenance', 'pm due', 'next service', 'next pm date', 'due date', 'next inspection'],
    es: ['proximo mantenimiento', 'proximo mantenimiento preventivo', 'fecha proximo mantenimiento', 'proximo mp'],
    fr: ['prochaine maintenance', 'prochain entretien', 'prochaine maintenance preventive'],
    de: ['nachste wartung', 'nachste stk', 'nachste prufung', 'fallig'],
  },
  pmFrequency: {
    en: ['pm frequency', 'pm interval', 'pm every', 'pm', 'ppm', 'ppm every', 'maintenance frequency', 'preventive maintenance', 'pm schedule'],
    es: ['mantenimiento preventivo', 'frecuencia mantenimiento', 'periodicidad', 'frecuencia mp', 'mp', 'frecuencia'],
    fr: ['maintenance preventive', 'frequence maintenance', 'periodicite'],
    de: ['wartungsintervall', 'wartung', 'prufintervall', 'stk intervall', 'intervall'],
  },
  warrantyEnd: {
    en: ['warranty', 'warranty end', 'warranty expiry', 'warranty expiration', 'end warranty'],
    es: ['garantia', 'fin garantia', 'vencimiento garantia', 'fecha garantia'],
    fr: ['garantie', 'fin garantie'],
    de: ['garantie', 'garantieende', 'gewahrleistung'],
  },
  retiredDate: {
    en: ['retired', 'retirement date', 'disposal date', 'scrapping date', 'decommissioned', 'scrapped'],
    es: ['fecha baja', 'baja', 'fecha retiro'],
    fr: ['date reforme', 'reforme', 'date sortie'],
    de: ['ausmusterung', 'ausmusterungsdatum', 'aussonderung'],
  },
  udi: {
    en: ['udi', 'udi di', 'device identifier', 'gtin'],
    es: ['udi'],
    fr: ['udi', 'iud'],
    de: ['udi'],
  },
};

export interface SynonymHit {
  field: AssetField;
  lang: string;
  synonym: string;
  /** 1 for the whole header, less when the synonym is only part of it. */
  score: number;
}

const EXACT = new Map<string, SynonymHit[]>();
const ALL: Array<{ key: string; toks: string[]; field: AssetField; lang: string; synonym: string }> = [];
for (const [field, byLang] of Object.entries(HEADER_SYNONYMS) as Array<[AssetField, Partial<Record<Lang, string[]>>]>) {
  for (const [lang, names] of Object.entries(byLang)) {
    for (const name of names ?? []) {
      const key = headerKey(name);
      if (!key) continue;
      const list = EXACT.get(key) ?? [];
      if (!list.some((h) => h.field === field)) list.push({ field, lang, synonym: name, score: 1 });
      EXACT.set(key, list);
      ALL.push({ key, toks: key.split(' '), field, lang, synonym: name });
    }
  }
}

/**
 * Fields a header may mean, best first: the whole header is a known name (score 1), or a known name of
 * two or more words sits inside it, or a one-word name is its first word ("Serie del equipo").
 */
export function headerCandidates(header: string): SynonymHit[] {
  const key = headerKey(header);
  if (!key) return [];
  const exact = EXACT.get(key);
  if (exact) return exact;
  const toks = key.split(' ');
  const best = new Map<AssetField, SynonymHit>();
  for (const s of ALL) {
    let score = 0;
    if (s.toks.length >= 2 && containsSeq(toks, s.toks)) score = 0.6 + 0.3 * (s.toks.length / toks.length);
    else if (s.toks.length === 1 && s.toks[0]!.length >= 3 && toks.includes(s.toks[0]!))
      score = toks[0] === s.toks[0] ? 0.55 : 0.4;
    if (score === 0) continue;
    const prev = best.get(s.field);
    if (!prev || prev.score < score) best.set(s.field, { field: s.field, lang: s.lang, synonym: s.synonym, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function containsSeq(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** True when a header is a known field name in any language (used by header-row detection). */
export function isKnownHeader(header: string): boolean {
  const c = headerCandidates(header);
  return c.length > 0 && c[0]!.score >= 0.5;
}
