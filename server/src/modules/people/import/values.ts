// The words lists use for sex, status abroad, countries and languages, in Indonesian and English,
// mapped to the codes the person record takes.
import { isSupportedCountry } from 'libphonenumber-js/max';
import { STATUSES_ABROAD } from '@siaga/contracts';
import { normaliseHeader } from './columns';

export type Status = (typeof STATUSES_ABROAD)[number];

const key = (s: string) => normaliseHeader(s);

export const SEX = new Map<string, 'female' | 'male'>();
for (const v of ['l', 'lk', 'laki', 'laki laki', 'lelaki', 'pria', 'm', 'male', 'man', 'lakilaki']) {
  SEX.set(v, 'male');
}
for (const v of ['p', 'pr', 'perempuan', 'wanita', 'f', 'female', 'woman', 'w']) SEX.set(v, 'female');

// Words of a status or occupation cell, matched word by word: "PMI sektor formal", "Mahasiswa S2".
const STATUS_WORDS: [Status, string[]][] = [
  ['worker', ['pmi', 'tki', 'tkw', 'pekerja', 'worker', 'buruh', 'karyawan', 'prt', 'pembantu', 'perawat']],
  ['student', ['mahasiswa', 'mahasiswi', 'pelajar', 'student', 'siswa', 'santri']],
  ['crew', ['abk', 'crew', 'pelaut', 'seafarer', 'nelayan']],
  ['pilgrim', ['jamaah', 'jemaah', 'umrah', 'umroh', 'haji', 'pilgrim']],
  ['tourist', ['wisatawan', 'turis', 'tourist', 'pelancong']],
  ['resident', ['menetap', 'resident', 'penduduk', 'diaspora', 'permanent']],
];
export const STATUS = new Map<string, Status>();
for (const [status, words] of STATUS_WORDS) for (const w of words) STATUS.set(w, status);
for (const s of STATUSES_ABROAD) STATUS.set(s, s);

// Names ICU knows in English and Indonesian ("Arab Saudi", "Korea Selatan", "Belanda") for every
// country libphonenumber knows, plus the short forms lists use that ICU does not.
const COUNTRY = new Map<string, string>();
{
  const names = [
    new Intl.DisplayNames(['en'], { type: 'region' }),
    new Intl.DisplayNames(['id'], { type: 'region' }),
  ];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!isSupportedCountry(code)) continue;
      for (const dn of names) {
        const name = dn.of(code);
        if (name && name !== code) COUNTRY.set(key(name), code);
      }
    }
  }
  const aliases: [string, string[]][] = [
    ['SA', ['saudi', 'ksa', 'saudi arabia', 'arab saudi']],
    ['AE', ['uae', 'uni emirat arab', 'emirat arab', 'united arab emirates', 'emirates']],
    ['KR', ['korea', 'korsel', 'korea selatan', 'south korea', 'republic of korea']],
    ['HK', ['hong kong', 'hongkong']],
    ['MO', ['macau', 'macao']],
    ['TW', ['taiwan', 'republic of china']],
    ['SG', ['singapura', 'singapore']],
    ['BN', ['brunei', 'brunei darussalam']],
    ['TR', ['turkey', 'turki', 'turkiye']],
    ['US', ['usa', 'us', 'amerika', 'amerika serikat', 'united states', 'united states of america']],
    ['GB', ['uk', 'inggris', 'britania raya', 'united kingdom', 'great britain', 'england']],
    ['NL', ['belanda', 'netherlands', 'holland']],
    ['CN', ['tiongkok', 'china', 'rrt', 'cina']],
    ['JO', ['yordania', 'jordan']],
    ['EG', ['mesir', 'egypt']],
    ['UA', ['ukraina', 'ukraine']],
  ];
  for (const [code, list] of aliases) for (const name of list) COUNTRY.set(key(name), code);
}

export const LANGUAGES: Record<string, string> = {
  indonesia: 'id',
  'bahasa indonesia': 'id',
  indonesian: 'id',
  inggris: 'en',
  english: 'en',
  jawa: 'jv',
  javanese: 'jv',
  sunda: 'su',
  sundanese: 'su',
  melayu: 'ms',
  malay: 'ms',
  arab: 'ar',
  arabic: 'ar',
  mandarin: 'zh',
  chinese: 'zh',
  kanton: 'yue',
  cantonese: 'yue',
  korea: 'ko',
  korean: 'ko',
  jepang: 'ja',
  japanese: 'ja',
  belanda: 'nl',
  dutch: 'nl',
  madura: 'mad',
  madurese: 'mad',
  bugis: 'bug',
  minang: 'min',
  bali: 'ban',
  balinese: 'ban',
};

/** ISO 3166-1 alpha-2 code of a country written as a code or a name in English or Indonesian. */
export function countryCode(input: string): string | undefined {
  const t = input.trim();
  if (/^[A-Za-z]{2}$/u.test(t) && isSupportedCountry(t.toUpperCase())) return t.toUpperCase();
  return COUNTRY.get(key(t));
}
