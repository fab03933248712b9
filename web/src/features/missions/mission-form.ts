// Converts between a Mission and the strings a form edits, and back into API bodies.
import type { Jurisdiction, Mission, MissionCreate, MissionUpdate } from '@siaga/contracts';

export interface MissionDraft {
  code: string;
  name: string;
  kind: string;
  city: string;
  countries: string;
  jurisdictions: string;
  hotline: string;
  email: string;
  address: string;
}

export const emptyDraft: MissionDraft = {
  code: '',
  name: '',
  kind: 'embassy',
  city: '',
  countries: '',
  jurisdictions: '',
  hotline: '',
  email: '',
  address: '',
};

const splitList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

/** One jurisdiction a line: "MY" for a whole country, or "MY: MY-12, MY-13" for some areas. */
export function parseJurisdictions(text: string): Jurisdiction[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [country = '', areas] = line.split(':', 2);
      const adminAreas = areas === undefined ? [] : splitList(areas);
      return adminAreas.length > 0
        ? { country: country.trim().toUpperCase(), adminAreas }
        : { country: country.trim().toUpperCase() };
    });
}

export function formatJurisdictions(list: Jurisdiction[]): string {
  return list
    .map((j) => (j.adminAreas?.length ? `${j.country}: ${j.adminAreas.join(', ')}` : j.country))
    .join('\n');
}

export function draftOf(m: Mission): MissionDraft {
  return {
    code: m.code,
    name: m.name,
    kind: m.kind,
    city: m.city,
    countries: m.countries.join(', '),
    jurisdictions: formatJurisdictions(m.jurisdictions),
    hotline: m.hotline,
    email: m.email ?? '',
    address: m.address,
  };
}

export function createBody(d: MissionDraft): Record<string, unknown> & Partial<MissionCreate> {
  return {
    code: d.code,
    name: d.name,
    kind: d.kind as MissionCreate['kind'],
    city: d.city,
    countries: splitList(d.countries),
    jurisdictions: parseJurisdictions(d.jurisdictions),
    hotline: d.hotline.replace(/[\s()-]/g, ''),
    ...(d.email.trim() ? { email: d.email.trim() } : {}),
    address: d.address,
  };
}

/** Only the contact fields when the editor may not change the rest (a mission officer). */
export function updateBody(d: MissionDraft, version: number, contactOnly: boolean): Partial<MissionUpdate> {
  const contact = {
    version,
    hotline: d.hotline.replace(/[\s()-]/g, ''),
    email: d.email.trim() ? d.email.trim() : null,
    address: d.address,
  };
  if (contactOnly) return contact;
  return {
    ...contact,
    name: d.name,
    kind: d.kind as MissionUpdate['kind'],
    city: d.city,
    countries: splitList(d.countries),
    jurisdictions: parseJurisdictions(d.jurisdictions),
  };
}
