// Where a person is on the map. A position they or an officer gave is a point; a city without a
// position is placed at the city's centre from the gazetteer and marked so, because the crisis
// counts keep people "located by city" apart from those whose own position is known.
import type { PersonCreate } from '@siaga/contracts';
import { gazetteer } from '../geo/gazetteer';

type Location = NonNullable<PersonCreate['location']>;
export type Precision = 'point' | 'city' | null;

export function placeLocation(loc: Location): { location: Location; precision: Precision } {
  if (loc.lat !== undefined && loc.lat !== null && loc.lon !== undefined && loc.lon !== null) {
    return { location: loc, precision: 'point' };
  }
  if (!loc.city) return { location: loc, precision: null };
  const hit = gazetteer().geocode(loc.city, loc.country);
  if (!hit || hit.accuracy !== 'city' || hit.country !== loc.country)
    return { location: loc, precision: null };
  return {
    location: { ...loc, lat: hit.lat, lon: hit.lon, accuracyM: loc.accuracyM ?? hit.accuracyM },
    precision: 'city',
  };
}
