// Dates in feed documents: CAP's dateTime (also Atom's RFC 3339 timestamps) and RSS's RFC 822 dates,
// each checked strictly before it is trusted, since a wrong time would misorder updates.

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * CAP 1.2 §3.3.2 dateTime: "2002-05-24T16:49:00-07:00", a time zone required. Returns epoch ms.
 * 'Z' and fractional seconds are accepted although CAP 1.2 forbids them: they are unambiguous, and
 * CAP 1.0/1.1 senders use them.
 */
export function parseCapDateTime(value: string): number | undefined {
  const m = DATETIME.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    m[7] ? Math.round(Number(m[7]) * 1000) : 0,
  );
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  if (m[8] === 'Z') return utc;
  const offsetHours = Number(m[10]);
  const offsetMinutes = Number(m[11]);
  if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return m[9] === '+' ? utc - offsetMs : utc + offsetMs;
}

/**
 * RFC 822 dates as RSS 2.0 uses them ("Sun, 29 Dec 2019 12:00:00 GMT"). The shape is checked first
 * because Date.parse alone accepts almost anything.
 */
export function parseRssDate(value: string): number | undefined {
  const text = value.trim();
  if (
    !/^([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(:\d{2})?\s*([A-Za-z]{1,5}|[+-]\d{4})$/.test(
      text,
    )
  ) {
    return undefined;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Either form: feeds are not always consistent about which they use. */
export const parseFeedDate = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : (parseCapDateTime(value) ?? parseRssDate(value));

export const isoOf = (ms: number): string => new Date(ms).toISOString();
