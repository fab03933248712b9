// Dates, numbers, countries and languages written for the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

function displayNames(locale: string, type: 'region' | 'language') {
  try {
    return new Intl.DisplayNames([locale], { type });
  } catch {
    return null;
  }
}

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  return useMemo(() => {
    const regions = displayNames(locale, 'region');
    const languages = displayNames(locale, 'language');
    const name = (names: Intl.DisplayNames | null, code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
    return {
      locale,
      number: (n: number) => n.toLocaleString(locale),
      /** 1234 → "1,2 rb" / "1.2K": for labels on a map. */
      compact: (n: number) => n.toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 1 }),
      /** "MY" → "Malaysia" (MY) */
      country: (code: string | null | undefined) => (code ? name(regions, code) : '—'),
      language: (tag: string) => name(languages, tag),
      /** Partial dates (YYYY, YYYY-MM) stay as written; full dates are shown in the reader's style. */
      date: (value: string | null | undefined) => {
        if (!value) return '—';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
        const d = new Date(`${value}T00:00:00Z`);
        return Number.isNaN(d.getTime())
          ? value
          : d.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      },
      dateTime: (iso: string | null | undefined) =>
        iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—',
    };
  }, [locale]);
}
