// Phone numbers of nationals as typed by staff or found in lists, normalised to E.164 (ITU-T E.164)
// with libphonenumber's full metadata, so that numbers compare, deduplicate and route to SMS reliably.
// Pure: no I/O; the caller turns a failure into an AppError or an import row error.
import {
  isSupportedCountry,
  parseIncompletePhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';

export type PhoneResult =
  | { ok: true; e164: string; country: string | undefined; type?: string }
  | { ok: false; code: 'phone.invalid' | 'phone.not_for_country' | 'phone.too_long'; message: string };

type PhoneError = Extract<PhoneResult, { ok: false }>;

// E.164 caps an international number at 15 digits, country code included; a national number
// carries one more, its trunk prefix (the 0 of "0812..."). The raw length cap keeps pathological
// input away from the parser.
const E164_MAX_DIGITS = 15;
const MAX_INPUT_LENGTH = 64;

// Bidirectional and zero-width marks (Unicode Cf) arrive invisibly in numbers copied from
// right-to-left chat apps and spreadsheets: dropped. Other control characters (Cc: tabs, line
// breaks, NUL) mean the field was mangled or holds two values: rejected.
const FORMAT_MARKS = /\p{Cf}/gu;
const CONTROL = /\p{Cc}/u;
// What a phone number may be written with: digits of any script (libphonenumber reads Arabic-Indic
// and full-width digits), spaces, dashes, dots, brackets and a plus (also full-width). Letters are
// refused, extensions included: an SMS gateway cannot dial "ext. 12", and the number without it
// would reach the wrong desk. A slash usually separates two numbers in one field: refused too.
const ALLOWED = /^[\p{Nd}\s\p{Pd}.()+＋]+$/u;
const ONE_LEADING_PLUS = /^\(?\s*[+＋]?[^+＋]*$/u;
const CHARACTERS = 'A phone number may contain only digits, spaces, dashes, brackets and a leading +.';

const fail = (code: PhoneError['code'], message: string): PhoneError => ({ ok: false, code, message });

/**
 * Normalises a phone number to E.164. `defaultCountry` (ISO 3166-1 alpha-2, normally the country of
 * residence) says how to read a number written without its country code; an unknown code counts as
 * none. A number written with its country code ("+62 812...", "0062 812...", "(+966) 50...") is
 * accepted whatever the default country: nationals keep their Indonesian SIM abroad.
 * `type` is libphonenumber's line type in lower case ('mobile', 'fixed_line',
 * 'fixed_line_or_mobile', 'voip', ...), present when the metadata tells it.
 */
export function normalisePhone(input: string, defaultCountry?: string): PhoneResult {
  if (input.length > MAX_INPUT_LENGTH) return fail('phone.too_long', 'The phone number is too long.');
  if (CONTROL.test(input)) return fail('phone.invalid', 'The phone number contains control characters.');
  const text = input.replace(FORMAT_MARKS, '').trim();
  if (text === '') return fail('phone.invalid', 'The phone number is empty.');
  if (!ALLOWED.test(text) || !ONE_LEADING_PLUS.test(text)) return fail('phone.invalid', CHARACTERS);

  // ASCII digits with the plus kept: "(+966) 50-123" -> "+96650123", "٠٥٠١" -> "0501".
  const compact = parseIncompletePhoneNumber(text);
  // "00" is the international prefix the ITU-T recommends and most of the world uses, and how
  // Indonesians write numbers abroad ("0062 812..."), even in countries whose real prefix differs
  // (Indonesia's own is 001/007/008). National numbers do not begin with 00, so reading it as "+"
  // is safe whatever the default country.
  const international = compact.startsWith('+') || compact.startsWith('00');
  const digits = compact.replace(/^\+|^00/, '');
  if (digits.length > E164_MAX_DIGITS + (international ? 0 : 1)) {
    return fail('phone.too_long', `A phone number has at most ${E164_MAX_DIGITS} digits.`);
  }
  if (digits.length < 3) return fail('phone.invalid', 'The phone number is too short.');

  if (international) {
    // The text, not the digits, when it has a plus: libphonenumber then drops a trunk prefix written
    // in brackets, "+62 (0)812...".
    const parsed = parsePhoneNumberFromString(compact.startsWith('+') ? text : `+${digits}`);
    if (!parsed) return fail('phone.invalid', 'The country code of the phone number is not known.');
    if (parsed.isValid()) return ok(parsed.number, parsed.country, parsed.getType());
    return validatePhoneNumberLength(parsed.number) === 'TOO_LONG'
      ? fail('phone.too_long', 'The phone number has too many digits for its country.')
      : fail('phone.invalid', 'The phone number is not a valid number.');
  }

  const country =
    defaultCountry && isSupportedCountry(defaultCountry.toUpperCase())
      ? (defaultCountry.toUpperCase() as CountryCode)
      : undefined;
  if (!country) {
    return fail(
      'phone.not_for_country',
      'Write the number with its country code (for example +62 812 3456 7890): the country is not known.',
    );
  }
  const parsed = parsePhoneNumberFromString(text, country);
  if (parsed?.isValid()) return ok(parsed.number, parsed.country, parsed.getType());
  // Written without a country code and not a number of the default country: most often a number
  // from home typed as at home ("0812..." while living in Malaysia), so the fix is its country code.
  return fail(
    'phone.not_for_country',
    `This is not a valid phone number in ${country}; ` +
      'write a number from another country with its country code (+…).',
  );
}

function ok(e164: string, country: string | undefined, type: string | undefined): PhoneResult {
  return type ? { ok: true, e164, country, type: type.toLowerCase() } : { ok: true, e164, country };
}
