// Partial birth dates: the formats found in registration forms and lists, impossible and
// implausible dates, and ages that do not pretend to know more than the record says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isoAgeAt, MAX_AGE_YEARS, parsePartialDate } from './dates';

const NOW = new Date('2025-06-15T10:00:00Z');

const reads = (input: string, value: string, precision: 'year' | 'month' | 'day', now = NOW) => {
  const r = parsePartialDate(input, now);
  assert.deepEqual(r, { ok: true, value, precision }, JSON.stringify(input));
};

const refuses = (input: string, code: string, now = NOW) => {
  const r = parsePartialDate(input, now);
  assert.equal(r.ok, false, `${JSON.stringify(input)} should be refused: ${JSON.stringify(r)}`);
  if (!r.ok) {
    assert.equal(r.code, code, `${JSON.stringify(input)}: ${r.message}`);
    assert.ok(r.message.length > 0);
  }
};

describe('parsePartialDate: formats', () => {
  it('reads ISO dates of each precision', () => {
    reads('1985', '1985', 'year');
    reads('1985-08', '1985-08', 'month');
    reads('1985-08-17', '1985-08-17', 'day');
    reads('  1985-08-17 ', '1985-08-17', 'day');
  });

  it('reads year-first dates with slashes or dots and unpadded parts', () => {
    reads('1985/08/17', '1985-08-17', 'day');
    reads('1985.8.7', '1985-08-07', 'day');
    reads('1985-8', '1985-08', 'month');
  });

  it('reads day-first numeric dates as written in Indonesia', () => {
    reads('17/08/1985', '1985-08-17', 'day');
    reads('17-08-1985', '1985-08-17', 'day');
    reads('17.08.1985', '1985-08-17', 'day');
    reads('1/2/1990', '1990-02-01', 'day');
    reads('05/1990', '1990-05', 'month');
    reads('5/1990', '1990-05', 'month');
  });

  it('reads Indonesian month names and abbreviations', () => {
    reads('17 Agustus 1985', '1985-08-17', 'day');
    reads('1 Jan 1990', '1990-01-01', 'day');
    reads('3 Mei 1970', '1970-05-03', 'day');
    reads('10 Okt 2001', '2001-10-10', 'day');
    reads('25 Des 1999', '1999-12-25', 'day');
    reads('9 Agt 1980', '1980-08-09', 'day');
    reads('10 Nopember 1945', '1945-11-10', 'day');
    reads('29 Pebruari 1980', '1980-02-29', 'day');
    reads('Maret 1975', '1975-03', 'month');
    reads('MEI 1990', '1990-05', 'month');
    reads('17-Agu-1985', '1985-08-17', 'day');
    reads('17 agustus, 1985', '1985-08-17', 'day');
  });

  it('reads Malay month names used in Malaysia', () => {
    reads('31 Ogos 1957', '1957-08-31', 'day');
    reads('1 Mac 1990', '1990-03-01', 'day');
    reads('Disember 1988', '1988-12', 'month');
  });

  it('reads English month names, day first or month first', () => {
    reads('17 August 1985', '1985-08-17', 'day');
    reads('17-Aug-1985', '1985-08-17', 'day');
    reads('August 17, 1985', '1985-08-17', 'day');
    reads('Aug. 17, 1985', '1985-08-17', 'day');
    reads('17th August 1985', '1985-08-17', 'day');
    reads('May 1990', '1990-05', 'month');
    reads('1990 Oct 3', '1990-10-03', 'day');
    reads('Sept 2000', '2000-09', 'month');
  });
});

describe('parsePartialDate: refusals', () => {
  it('refuses what is not a date', () => {
    refuses('', 'date.invalid');
    refuses('   ', 'date.invalid');
    refuses('kemarin', 'date.invalid');
    refuses('17 Agustusan 1985', 'date.invalid');
    refuses('17/08/85', 'date.invalid');
    refuses('85', 'date.invalid');
    refuses('1985-08-17T00:00:00Z', 'date.invalid');
    refuses('31276', 'date.invalid');
    refuses('1985-08th', 'date.invalid');
    refuses('17 08 1985 1', 'date.invalid');
    refuses('constructor 1990', 'date.invalid');
    refuses('1985\n', 'date.invalid');
    refuses('1'.repeat(50), 'date.invalid');
  });

  it('refuses dates that do not exist', () => {
    refuses('31/02/1990', 'date.impossible');
    refuses('1990-02-30', 'date.impossible');
    refuses('29/02/1990', 'date.impossible');
    refuses('31 Apr 1990', 'date.impossible');
    refuses('1990-13', 'date.impossible');
    refuses('1990-00', 'date.impossible');
    refuses('0/5/1990', 'date.impossible');
    refuses('00/1990', 'date.impossible');
    // Month first: not guessed, reported as the impossible day-first date it reads as.
    refuses('12/31/1990', 'date.impossible');
  });

  it('knows leap years, including the century rules', () => {
    reads('29/02/2000', '2000-02-29', 'day');
    reads('29/02/1996', '1996-02-29', 'day');
    refuses('29/02/1900', 'date.impossible', new Date('2010-01-01T00:00:00Z'));
    refuses('29/02/2100', 'date.impossible', new Date('2150-01-01T00:00:00Z'));
  });

  it('refuses a birth date in the future, by day, month and year', () => {
    refuses('2025-06-17', 'date.future');
    refuses('2025-07', 'date.future');
    refuses('2026', 'date.future');
    reads('2025-06-15', '2025-06-15', 'day');
    reads('2025-06', '2025-06', 'month');
    reads('2025', '2025', 'year');
  });

  it('accepts a birth today east of UTC while it is still yesterday in UTC', () => {
    // 20:00 UTC on 15 June is already 16 June in Jakarta (03:00) and Auckland.
    const evening = new Date('2025-06-15T20:00:00Z');
    reads('2025-06-16', '2025-06-16', 'day', evening);
    refuses('2025-06-17', 'date.future', evening);
  });

  it(`refuses a birth date more than ${MAX_AGE_YEARS} years ago`, () => {
    // On 15 June 2025 someone born in 1904 is 120 or 121, so possibly still 120: accepted.
    reads('1904', '1904', 'year');
    refuses('1903', 'date.too_old');
    reads('1904-06-16', '1904-06-16', 'day');
    refuses('1904-06-15', 'date.too_old');
    reads('1904-06', '1904-06', 'month');
    refuses('1904-05', 'date.too_old');
    refuses('0001', 'date.too_old');
  });
});

describe('isoAgeAt', () => {
  it('gives the exact age for a full date, turning on the birthday', () => {
    assert.equal(isoAgeAt('1985-08-17', NOW), 39);
    assert.equal(isoAgeAt('1985-06-15', NOW), 40);
    assert.equal(isoAgeAt('1985-06-16', NOW), 39);
    assert.equal(isoAgeAt('2025-06-15', NOW), 0);
  });

  it('ages someone born on 29 February on 1 March in common years', () => {
    assert.equal(isoAgeAt('2004-02-29', new Date('2025-02-28T12:00:00Z')), 20);
    assert.equal(isoAgeAt('2004-02-29', new Date('2025-03-01T00:00:00Z')), 21);
    assert.equal(isoAgeAt('2004-02-29', new Date('2024-02-29T00:00:00Z')), 20);
  });

  it('gives the exact age for a month outside the birth month, null within it', () => {
    assert.equal(isoAgeAt('1985-05', NOW), 40);
    assert.equal(isoAgeAt('1985-07', NOW), 39);
    assert.equal(isoAgeAt('1985-06', NOW), null);
    assert.equal(isoAgeAt('1985-06', new Date('2025-06-30T08:00:00Z')), 40);
  });

  it('gives the lower bound for a year alone', () => {
    assert.equal(isoAgeAt('1985', NOW), 39);
    assert.equal(isoAgeAt('1985', new Date('2025-12-31T00:00:00Z')), 40);
    assert.equal(isoAgeAt('1985', new Date('2025-01-01T00:00:00Z')), 39);
    assert.equal(isoAgeAt('2025', NOW), 0);
  });

  it('uses the UTC calendar date of now', () => {
    assert.equal(isoAgeAt('1985-06-16', new Date('2025-06-15T23:59:59Z')), 39);
    assert.equal(isoAgeAt('1985-06-16', new Date('2025-06-16T00:00:00Z')), 40);
  });

  it('returns null for a date after now', () => {
    assert.equal(isoAgeAt('2025-06-16', NOW), null);
    assert.equal(isoAgeAt('2025-07', NOW), null);
    assert.equal(isoAgeAt('2026', NOW), null);
  });

  it('agrees with parsePartialDate on every value it produces', () => {
    for (const input of ['17 Agustus 1985', 'Mei 1990', '1970', '29/02/2000']) {
      const r = parsePartialDate(input, NOW);
      assert.ok(r.ok);
      const age = isoAgeAt(r.value, NOW);
      assert.ok(age === null || (age >= 0 && age <= MAX_AGE_YEARS), `${input}: ${age}`);
    }
  });

  it('throws on a value that is not a normalised partial date', () => {
    assert.throws(() => isoAgeAt('17/08/1985', NOW), RangeError);
    assert.throws(() => isoAgeAt('1985-8', NOW), RangeError);
    assert.throws(() => isoAgeAt('', NOW), RangeError);
  });
});
