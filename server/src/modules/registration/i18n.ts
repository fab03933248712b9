// The language of a public page: ?lang= (or the form's hidden lang), else the browser's
// Accept-Language as a hint, else Indonesian. Country and language names come from the runtime's
// ICU data, so the dictionaries stay small.
import { en } from './i18n.en';
import { id } from './i18n.id';

export type Lang = 'id' | 'en';
export type Dict = typeof id;
export type ErrorKey = keyof Dict['err'];

const DICTS: Record<Lang, Dict> = { id, en };
export const dict = (lang: Lang): Dict => DICTS[lang];

export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

/** Indonesian unless asked otherwise; Malay readers get Indonesian, the closer of the two. */
export function pickLang(explicit: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    if (r.primary === 'id' || r.primary === 'in' || r.primary === 'ms') return 'id';
    if (r.primary === 'en') return 'en';
  }
  return 'id';
}

/** "{n} left" with n = 3. */
export const fmt = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

const regionNames = {
  id: new Intl.DisplayNames(['id'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};
const languageNames = {
  id: new Intl.DisplayNames(['id'], { type: 'language' }),
  en: new Intl.DisplayNames(['en'], { type: 'language' }),
};

export const countryName = (lang: Lang, code: string) => regionNames[lang].of(code) ?? code;
export const languageName = (lang: Lang, tag: string) => languageNames[lang].of(tag) ?? tag;

/** A date as people read it: 29 November 2026. */
export const longDate = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));
