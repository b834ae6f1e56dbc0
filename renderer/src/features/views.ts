// The views the app shows, in navigation order. A view is listed only when it works end to end.
import type { ComponentType } from 'react';
import { LocationsView } from './locations/LocationsView';
import { DataView } from './data/DataView';

export interface ViewDef {
  id: string;
  label: string;
  /** One-line description shown as the nav item's title. */
  description: string;
  component: ComponentType;
}

export const VIEWS: ViewDef[] = [
  { id: 'locations', label: 'Sites & floors', description: 'Hospitals, buildings and floors', component: LocationsView },
  { id: 'data', label: 'Data & backups', description: 'Storage, automatic backups, export and restore', component: DataView },
];
