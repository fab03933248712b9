// The people list keeps its filters in the address, named as the API names them, so that a list
// can be shared, bookmarked and reloaded. Only "updated since" differs: a plain date in the address,
// the start of that day in the browser's time zone for the API.
import { localToIso } from '../audit/audit-filters';
import type { PeopleApiFilters } from './people.api';

export const FILTER_KEYS = [
  'q',
  'mission',
  'country',
  'city',
  'status',
  'vulnerability',
  'householdMin',
  'householdMax',
  'staleMonths',
  'updatedSince',
  'includeReturned',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type PeopleFilters = Partial<Record<FilterKey, string>>;

export function filtersFromSearch(search: string): PeopleFilters {
  const params = new URLSearchParams(search);
  const out: PeopleFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  if (out.includeReturned !== 'true') delete out.includeReturned;
  return out;
}

/** What the API is asked: the same names, with the date turned into a moment. */
export function apiFilters(f: PeopleFilters): PeopleApiFilters {
  const out: PeopleApiFilters = { ...f };
  if (f.updatedSince) {
    out.updatedSince = /^\d{4}-\d{2}-\d{2}$/.test(f.updatedSince)
      ? (localToIso(`${f.updatedSince}T00:00`) ?? f.updatedSince)
      : f.updatedSince;
  }
  return out;
}

export type FilterDraft = Record<Exclude<FilterKey, 'includeReturned'>, string> & {
  includeReturned: boolean;
};

export const draftOf = (f: PeopleFilters): FilterDraft => ({
  q: f.q ?? '',
  mission: f.mission ?? '',
  country: f.country ?? '',
  city: f.city ?? '',
  status: f.status ?? '',
  vulnerability: f.vulnerability ?? '',
  householdMin: f.householdMin ?? '',
  householdMax: f.householdMax ?? '',
  staleMonths: f.staleMonths ?? '',
  updatedSince: f.updatedSince ?? '',
  includeReturned: f.includeReturned === 'true',
});

export function filtersOf(d: FilterDraft): PeopleFilters {
  const out: PeopleFilters = {};
  for (const key of FILTER_KEYS) {
    if (key === 'includeReturned') continue;
    let value = d[key].trim();
    if (key === 'country')
      value = value
        .toUpperCase()
        .replace(/[\s;]+/g, ',')
        .replace(/,+/g, ',')
        .replace(/^,|,$/g, '');
    if (value) out[key] = value;
  }
  if (d.includeReturned) out.includeReturned = 'true';
  return out;
}

/** How many filters other than the name search are set, for the "More filters" summary. */
export const countRefinements = (f: PeopleFilters) =>
  FILTER_KEYS.filter((k) => k !== 'q' && k !== 'mission' && k !== 'status' && f[k] !== undefined).length;
