// The views the app shows, in navigation order. A view is listed only when it works end to end.
import type { ComponentType } from 'react';
import { LocationsView } from './locations/LocationsView';
import { DataView } from './data/DataView';
import { DiscoverView } from './discover/DiscoverView';
import { FloorPlanView } from './floorplan/FloorPlanView';
import { WalkView } from './walk/WalkView';
import { SurveysView } from './surveys/SurveysView';
import { SheetsView } from './sheets/SheetsView';
import { BundlesView } from './bundles/BundlesView';
import { RiskView } from './risk/RiskView';
import { InventoryView } from './inventory/InventoryView';
import { ProbesView } from './probes/ProbesView';
import { ImportView } from './import/ImportView';

export interface ViewDef {
  id: string;
  label: string;
  /** One-line description shown as the nav item's title. */
  description: string;
  component: ComponentType;
}

export const VIEWS: ViewDef[] = [
  { id: 'discover', label: 'Discover', description: 'Devices found passively in network traffic', component: DiscoverView },
  { id: 'inventory', label: 'Inventory', description: 'Every asset on record: sort and search, fast at 100,000 assets', component: InventoryView },
  { id: 'import', label: 'Import & reconcile', description: 'Bring an Excel inventory in, match it with the network, export it back', component: ImportView },
  { id: 'locations', label: 'Sites & floors', description: 'Hospitals, buildings and floors', component: LocationsView },
  { id: 'sheets', label: 'Room sheets & labels', description: 'Print room sheets and labels, key the results back in', component: SheetsView },
  { id: 'floorplan', label: 'Floor plans', description: 'Plans, rooms and where each device belongs', component: FloorPlanView },
  { id: 'walk', label: 'Ward walk', description: 'Confirm devices room by room: scan, type or tick', component: WalkView },
  { id: 'surveys', label: 'Surveys', description: 'Survey rounds, mobile devices, stale and missing lists', component: SurveysView },
  { id: 'bundles', label: 'Survey bundles', description: 'Share survey work between laptops: export, import and merge, settle conflicts', component: BundlesView },
  { id: 'risk', label: 'Vulnerabilities & risk', description: 'Advisories matched to devices, risk worklist, segmentation, reports', component: RiskView },
  { id: 'probes', label: 'Safe probes', description: 'Ask devices who they are, only with a plan a person approved', component: ProbesView },
  { id: 'data', label: 'Data & backups', description: 'Storage, automatic backups, export and restore', component: DataView },
];
