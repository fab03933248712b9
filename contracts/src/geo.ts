// The offline gazetteer: countries, admin-1 areas, their boundaries, geocoding and point lookup.
// Data: i18n-iso-countries, world-countries (ODbL), Natural Earth (public domain), GeoNames (CC BY 4.0).
import { z } from 'zod';
import { CountryCode } from './common';

export const GeoBBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe(
    '[west, south, east, north] in degrees. West is greater than east when the area crosses the ' +
      'antimeridian (RFC 7946 §5.2): Fiji is [174.6, -21.7, -178.3, -12.5]; add 360 to east to fit a map',
  );
export type GeoBBox = z.infer<typeof GeoBBox>;

export const CountryInfo = z.object({
  code: z.string().describe('ISO 3166-1 alpha-2'),
  alpha3: z.string().describe('ISO 3166-1 alpha-3'),
  numeric: z.string().describe('ISO 3166-1 numeric, three digits'),
  name: z.object({ id: z.string(), en: z.string() }),
  languages: z.array(z.string()).describe('Official languages as BCP 47 tags (ar, ms, en)'),
  bbox: GeoBBox.nullable().describe('Null for the few territories without a boundary at 1:50m'),
});
export type CountryInfo = z.infer<typeof CountryInfo>;

export const Admin1Info = z.object({
  code: z
    .string()
    .describe(
      'HASC code (ID.JR), unique within the gazetteer; qualified by the name where Natural Earth ' +
        'repeats or lacks one (SD.SD-southern-darfur). Not ISO 3166-2',
    ),
  country: z.string().describe('ISO 3166-1 alpha-2 of the country whose areas list it'),
  name: z.string(),
  bbox: GeoBBox,
});
export type Admin1Info = z.infer<typeof Admin1Info>;

export const CountryDetail = CountryInfo.extend({ admin1: z.array(Admin1Info) });
export type CountryDetail = z.infer<typeof CountryDetail>;

export const GEOCODE_ACCURACIES = ['city', 'admin1', 'country'] as const;
export const GeocodeAccuracy = z.enum(GEOCODE_ACCURACIES);
export type GeocodeAccuracy = z.infer<typeof GeocodeAccuracy>;

export const GeocodeResult = z.object({
  name: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  lat: z.number(),
  lon: z.number(),
  admin1: z.string().nullable().describe('Admin-1 code, see Admin1Info'),
  admin1Name: z.string().nullable(),
  population: z.number().int().nullable().describe('GeoNames population of a city; null otherwise'),
  accuracy: GeocodeAccuracy.describe(
    'What matched: a city, or only an admin-1 area or a country (then the point stands for it)',
  ),
  accuracyM: z.number().int().describe('Rough radius in metres within which the place lies'),
});
export type GeocodeResult = z.infer<typeof GeocodeResult>;

export const ReverseResult = z.object({
  country: z.string().nullable().describe('ISO 3166-1 alpha-2; null at sea'),
  admin1: z.string().nullable(),
  admin1Name: z.string().nullable(),
});
export type ReverseResult = z.infer<typeof ReverseResult>;

/** A boundary, [lon, lat]; rings across the antimeridian run on continuously past ±180. */
export const GeoBoundary = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(z.array(z.array(z.number())))),
  }),
  properties: z.object({ code: z.string(), name: z.string() }),
});
export type GeoBoundary = z.infer<typeof GeoBoundary>;

export const GeoCountryParams = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^(?:[A-Za-z]{2,3}|\d{3})$/, 'ISO 3166-1 alpha-2, alpha-3 or numeric code'),
});

export const GeoAdmin1Params = z.strictObject({ code: z.string().trim().min(2).max(120) });

export const GeocodeQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).describe('"City, country", "city CC", a country or an admin-1 area'),
  country: CountryCode.optional().describe('Search within this country'),
});
export type GeocodeQuery = z.infer<typeof GeocodeQuery>;

/** A number in a query string: blank is missing, not zero (as z.coerce would have it). */
const coordinate = (min: number, max: number) =>
  z.string().trim().min(1, 'Required').pipe(z.coerce.number<string>().min(min).max(max));

export const ReverseQuery = z.strictObject({
  lat: coordinate(-90, 90).describe('Latitude, -90 to 90'),
  lon: coordinate(-180, 180).describe('Longitude, -180 to 180'),
});
export type ReverseQuery = z.infer<typeof ReverseQuery>;
