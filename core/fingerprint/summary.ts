// Flat identification columns for the command line's CSV and other tabular exports: one line of
// "why" per device ("DHCP vendor class 'CareFusion…' + OUI of Carefusion → infusion pump, 0.88").
import type { Identification } from '../model/device';
import { explain } from './combine';

export const IDENTITY_COLUMNS = [
  'category',
  'type',
  'type_confidence',
  'maker',
  'maker_confidence',
  'model',
  'os',
  'end_of_support',
  'mac_vendor',
  'why',
] as const;
export type IdentityColumn = (typeof IDENTITY_COLUMNS)[number];

const val = (v: { value: string } | undefined) => (v && v.value !== 'unknown' ? v.value : v ? 'unknown' : '');
const conf = (v: { confidence: number } | undefined) => (v ? v.confidence.toFixed(2) : '');

export function identityColumns(id: Identification | undefined): Record<IdentityColumn, string> {
  return {
    category: val(id?.category),
    type: val(id?.type),
    type_confidence: conf(id?.type),
    maker: val(id?.maker),
    maker_confidence: conf(id?.maker),
    model: val(id?.model),
    os: val(id?.os),
    end_of_support: id?.endOfSupport ? `${id.endOfSupport.os} since ${id.endOfSupport.since}` : '',
    mac_vendor: id?.macVendor?.randomized ? '(randomized MAC)' : (id?.macVendor?.name ?? ''),
    why: id?.type ? explain('type', id.type) : '',
  };
}
