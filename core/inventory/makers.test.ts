import { describe, expect, it } from 'vitest';
import { canonicalMaker } from './makers';

describe('maker canonicalisation', () => {
  const cases: Array<[string, string]> = [
    ['BD', 'Becton Dickinson'],
    ['Becton, Dickinson and Company', 'Becton Dickinson'],
    ['CareFusion', 'Becton Dickinson'],
    ['ALARIS', 'Becton Dickinson'],
    ['GE', 'GE Healthcare'],
    ['General Electric', 'GE Healthcare'],
    ['GE Healthcare Finland Oy', 'GE Healthcare'],
    ['Phillips', 'Philips'],
    ['Philips Medizin Systeme Böblingen GmbH', 'Philips'],
    ['Siemens', 'Siemens Healthineers'],
    ['Siemens AG', 'Siemens Healthineers'],
    ['Toshiba', 'Canon Medical Systems'],
    ['Toshipa', 'Canon Medical Systems'],
    ['B. Braun', 'B. Braun'],
    ['Braun', 'B. Braun'],
    ['Fresenius', 'Fresenius Kabi'],
    ['Hospira', 'ICU Medical'],
    ['Smiths Medical', 'ICU Medical'],
    ['Draeger', 'Dräger'],
    ['DRÄGER', 'Dräger'],
    ['Drägerwerk AG & Co. KGaA', 'Dräger'],
    ['Nihon Koden', 'Nihon Kohden'],
    ['Spacelabs', 'Spacelabs Healthcare'],
    ['FUJIFILM', 'Fujifilm'],
    ['Carestream Health', 'Carestream'],
    ['Agfa', 'Agfa HealthCare'],
    ['Puritan Bannet', 'Medtronic'],
    ['Sismex', 'Sysmex'],
    ['Mindray', 'Mindray'],
    ['Baxter', 'Baxter'],
  ];
  it.each(cases)('%s → %s', (name, canonical) => {
    expect(canonicalMaker(name).canonical).toBe(canonical);
  });

  it('explains misspellings and keeps unknown makers as typed', () => {
    const t = canonicalMaker('Toshipa');
    expect(t.how).toBe('misspelling');
    expect(t.reason).toContain('Toshipa');
    expect(canonicalMaker('  Fanem  ')).toEqual({ canonical: 'Fanem', how: 'unknown' });
    // Short unknown names are never "corrected" by edit distance.
    expect(canonicalMaker('GEA').how).toBe('unknown');
    expect(canonicalMaker('LG').canonical).toBe('LG');
  });
});
