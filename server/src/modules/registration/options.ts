// The choices the registration form offers: countries of residence, languages, relationships.
import { CountryCode } from '@siaga/contracts';
import { getCountries } from 'libphonenumber-js/max';
import { countryName, type Lang } from './i18n';

export const MAX_MEMBERS = 6;
export const MEMBER_RELATIONSHIPS = ['spouse', 'child', 'parent', 'sibling', 'relative', 'other'] as const;
export type MemberRelationship = (typeof MEMBER_RELATIONSHIPS)[number];
export const FORM_SEXES = ['female', 'male'] as const;

// Countries whose phone numbers can be read and that are real ISO 3166 countries (not Ascension
// or Tristan da Cunha), without Indonesia itself: this is a registry of nationals abroad.
const COUNTRY_CODES = getCountries().filter((c) => c !== 'ID' && CountryCode.safeParse(c).success);
const KNOWN = new Set<string>(COUNTRY_CODES);
export const isResidenceCountry = (code: string) => KNOWN.has(code);

// Where most Indonesians abroad live, first in the list so that most people need not scroll.
export const COMMON_COUNTRIES = [
  'MY',
  'SA',
  'HK',
  'TW',
  'SG',
  'JP',
  'KR',
  'AE',
  'QA',
  'KW',
  'BN',
  'AU',
  'US',
  'NL',
];

const sorted = new Map<Lang, { code: string; name: string }[]>();
/** Every residence country with its name in `lang`, in that language's alphabetical order. */
export function countryOptions(lang: Lang) {
  let list = sorted.get(lang);
  if (!list) {
    const collator = new Intl.Collator(lang);
    list = COUNTRY_CODES.map((code) => ({ code, name: countryName(lang, code) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    sorted.set(lang, list);
  }
  return list;
}

/** Languages offered as checkboxes: Indonesian, and those most spoken where Indonesians live. */
export const LANGUAGE_CHOICES = ['id', 'en', 'ar', 'ms', 'zh', 'ja', 'ko', 'jv', 'su'];
