// Birth dates as they are known: often only the year, sometimes the month, written in ISO or as in
// Indonesian, Malay and English lists. Normalised to ISO 8601 dates of reduced precision: YYYY,
// YYYY-MM or YYYY-MM-DD, with the precision kept, and ages computed without inventing a day.
// Pure: "now" is always passed in.

export type Precision = 'year' | 'month' | 'day';

export type PartialDateResult =
  | { ok: true; value: string; precision: Precision }
  | { ok: false; code: 'date.invalid' | 'date.impossible' | 'date.future' | 'date.too_old'; message: string };

type DateError = Extract<PartialDateResult, { ok: false }>;

/** No one on record is older than this; an older date is a typing error (1885 for 1985). */
export const MAX_AGE_YEARS = 120;

// Indonesian (EYD and the older Nopember/Pebruari), Malay and English names and their usual
// abbreviations. Lists exported from spreadsheets also write "17-Agu-1985" or "17-Aug-1985".
const MONTHS = new Map<string, number>();
const monthNames: [number, string[]][] = [
  [1, ['januari', 'january', 'jan']],
  [2, ['februari', 'pebruari', 'february', 'feb', 'peb']],
  [3, ['maret', 'march', 'mac', 'mar']],
  [4, ['april', 'apr']],
  [5, ['mei', 'may']],
  [6, ['juni', 'june', 'jun']],
  [7, ['juli', 'july', 'julai', 'jul']],
  [8, ['agustus', 'august', 'ogos', 'agu', 'agt', 'ags', 'aug', 'ogo']],
  [9, ['september', 'sept', 'sep']],
  [10, ['oktober', 'october', 'okt', 'oct']],
  [11, ['november', 'nopember', 'nov', 'nop']],
  [12, ['desember', 'december', 'disember', 'des', 'dec', 'dis']],
];
for (const [month, names] of monthNames) for (const name of names) MONTHS.set(name, month);

const fail = (code: DateError['code'], message: string): DateError => ({ ok: false, code, message });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads a birth date that may be partial. Accepted: `1985`, `1985-08`, `1985-08-17` (also with / or
 * . between the parts), `17/08/1985`, `17-08-1985`, `17.8.1985`, `08/1985`, `17 Agustus 1985`,
 * `1 Jan 1990`, `Mei 1990`, `17-Agu-1985`, `August 17, 1985`, `17th August 1985`. Numeric dates
 * with the year last are day first, as written in Indonesia and most countries where nationals
 * live; a month-first date such as 12/31/1990 is reported impossible rather than guessed. Two-digit
 * years are refused: "85" could be 1885, 1985 or 2085 to whoever typed it.
 */
export function parsePartialDate(input: string, now: Date): PartialDateResult {
  if (input.length > 40 || /\p{Cc}/u.test(input)) return fail('date.invalid', 'This is not a date.');
  const parts = input
    .trim()
    .toLowerCase()
    .split(/[\s,./-]+/u)
    .filter((p) => p !== '');
  const kinds = parts.map(kindOf).join('');
  let year: string, month: string | undefined, day: string | undefined;
  // Y = four-digit year, n = one- or two-digit number, W = month name.
  switch (kinds) {
    case 'Y':
      [year] = parts as [string];
      break;
    case 'Yn':
    case 'YW':
      [year, month] = parts as [string, string];
      break;
    case 'nY':
    case 'WY':
      [month, year] = parts as [string, string];
      break;
    case 'Ynn':
    case 'YWn':
      [year, month, day] = parts as [string, string, string];
      break;
    case 'nnY':
    case 'nWY':
      [day, month, year] = parts as [string, string, string];
      break;
    case 'WnY':
      [month, day, year] = parts as [string, string, string];
      break;
    default:
      return fail(
        'date.invalid',
        'Write the date as 1985, 1985-08, 1985-08-17, 17/08/1985 or 17 Agustus 1985 (four-digit year).',
      );
  }
  const y = Number(year);
  const m = month === undefined ? undefined : (MONTHS.get(month) ?? Number(month));
  const d = day === undefined ? undefined : Number(day.replace(/(st|nd|rd|th)$/u, ''));
  // An ordinal suffix belongs to a day only: "1985-08th" is not a date.
  if (Number.isNaN(m) || Number.isNaN(d)) return fail('date.invalid', 'This is not a date.');
  if (m !== undefined && (m < 1 || m > 12)) return fail('date.impossible', `There is no month ${month}.`);
  if (d !== undefined && (d < 1 || d > daysInMonth(y, m!))) {
    return fail('date.impossible', `There is no day ${d} in ${y}-${pad(m!)}.`);
  }
  const value = [pad(y, 4), m && pad(m), d && pad(d)].filter(Boolean).join('-');
  const precision: Precision = d !== undefined ? 'day' : m !== undefined ? 'month' : 'year';

  // A birth date is in the future only if it is after today everywhere on Earth: the server's
  // clock is UTC, and a child born this morning in Jakarta (UTC+7) or Auckland (UTC+13/+14) is
  // registered on a date that may still be tomorrow in UTC.
  const latestToday = new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
  if (value > latestToday.slice(0, value.length)) {
    return fail('date.future', 'A birth date cannot be in the future.');
  }
  if (youngestAge(y, m, d, now) > MAX_AGE_YEARS) {
    return fail('date.too_old', `A birth date cannot be more than ${MAX_AGE_YEARS} years ago.`);
  }
  return { ok: true, value, precision };
}

/**
 * Age in whole years on the UTC date of `now`, from a value normalised by parsePartialDate.
 * - Day precision: the exact age; someone born on 29 February turns a year older on 1 March in
 *   common years (the anniversary has not been reached on 28 February).
 * - Month precision: exact, except during the birth month itself, when the birthday may or may not
 *   have passed: null.
 * - Year precision: always uncertain by one, so the lower bound (born on 31 December) is returned:
 *   the safe side for rules such as "minors travel with a guardian", never over-stating an age.
 * Null also for a date after `now`. Throws on a value that is not YYYY, YYYY-MM or YYYY-MM-DD.
 */
export function isoAgeAt(value: string, now: Date): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(value);
  if (!match) throw new RangeError(`Not an ISO partial date: ${value}`);
  const y = Number(match[1]);
  const m = match[2] === undefined ? undefined : Number(match[2]);
  const d = match[3] === undefined ? undefined : Number(match[3]);
  const youngest = youngestAge(y, m, d, now);
  const oldest = youngestAge(y, m === undefined ? 1 : m, d === undefined ? 1 : d, now);
  if (oldest < 0) return null;
  if (m === undefined) return Math.max(youngest, 0);
  return youngest === oldest ? youngest : null;
}

/** Age on the UTC date of `now` of someone born on the last day the partial date allows. */
function youngestAge(y: number, m: number | undefined, d: number | undefined, now: Date): number {
  const month = m ?? 12;
  const day = d ?? daysInMonth(y, month);
  const ny = now.getUTCFullYear();
  const nm = now.getUTCMonth() + 1;
  const nd = now.getUTCDate();
  return ny - y - (nm < month || (nm === month && nd < day) ? 1 : 0);
}

function daysInMonth(y: number, m: number): number {
  // Gregorian rule, as ISO 8601 uses; Date.UTC would read the years 0-99 as 1900-1999.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function kindOf(part: string): string {
  if (/^\d{4}$/u.test(part)) return 'Y';
  if (/^\d{1,2}(st|nd|rd|th)?$/u.test(part)) return 'n';
  if (MONTHS.has(part)) return 'W';
  return '?';
}
