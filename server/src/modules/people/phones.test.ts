// Phone normalisation against numbers written the way they are in the countries where nationals live.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalisePhone } from './phones';

const accepts = (input: string, country: string | undefined, e164: string, type?: string) => {
  const r = normalisePhone(input, country);
  assert.ok(r.ok, `${JSON.stringify(input)} in ${country}: ${JSON.stringify(r)}`);
  assert.equal(r.e164, e164, JSON.stringify(input));
  if (type) assert.equal(r.type, type, JSON.stringify(input));
  return r;
};

const rejects = (input: string, country: string | undefined, code: string) => {
  const r = normalisePhone(input, country);
  assert.equal(r.ok, false, `${JSON.stringify(input)} in ${country} should fail: ${JSON.stringify(r)}`);
  if (!r.ok) {
    assert.equal(r.code, code, `${JSON.stringify(input)}: ${r.message}`);
    assert.ok(r.message.length > 0);
  }
};

describe('normalisePhone: local formats of the country of residence', () => {
  const local: [string, string, string, string][] = [
    ['012-345 6789', 'MY', '+60123456789', 'mobile'],
    ['03-2161 2345', 'MY', '+60321612345', 'fixed_line'],
    ['0501234567', 'SA', '+966501234567', 'mobile'],
    ['050 123 4567', 'SA', '+966501234567', 'mobile'],
    ['0912 345 678', 'TW', '+886912345678', 'mobile'],
    ['9123 4567', 'HK', '+85291234567', 'mobile'],
    ['2123 4567', 'HK', '+85221234567', 'fixed_line'],
    ['8123 4567', 'SG', '+6581234567', 'mobile'],
    ['6123 4567', 'SG', '+6561234567', 'fixed_line'],
    ['050 123 4567', 'AE', '+971501234567', 'mobile'],
    ['04 312 3456', 'AE', '+97143123456', 'fixed_line'],
    ['010-1234-5678', 'KR', '+821012345678', 'mobile'],
    ['02-123-4567', 'KR', '+8221234567', 'fixed_line'],
    ['090-1234-5678', 'JP', '+819012345678', 'mobile'],
    ['03-1234-5678', 'JP', '+81312345678', 'fixed_line'],
    ['0812-3456-7890', 'ID', '+6281234567890', 'mobile'],
    ['(021) 515 0000', 'ID', '+62215150000', 'fixed_line'],
    ['0912345678', 'SD', '+249912345678', 'mobile'],
  ];
  for (const [input, country, e164, type] of local) {
    it(`reads ${input} in ${country}`, () => {
      const r = accepts(input, country, e164, type);
      assert.ok(r.ok);
      assert.equal(r.country, country);
    });
  }

  it('takes the default country in any letter case', () => {
    accepts('012-345 6789', 'my', '+60123456789');
  });

  it('reads the same Sudanese and Taiwanese digits differently by country', () => {
    accepts('0912345678', 'SD', '+249912345678');
    accepts('0912345678', 'TW', '+886912345678');
  });
});

describe('normalisePhone: numbers written with their country code', () => {
  it('accepts +, 00 and bracketed forms whatever the country of residence', () => {
    accepts('+62 812 3456 7890', undefined, '+6281234567890', 'mobile');
    accepts('+62 812-3456-7890', 'MY', '+6281234567890');
    accepts('0062 812 3456 7890', 'ID', '+6281234567890');
    accepts('0062 812 3456 7890', 'JP', '+6281234567890');
    accepts('00 62 812 3456 7890', undefined, '+6281234567890');
    accepts('(+966) 50 123 4567', undefined, '+966501234567');
    accepts('(+966) 50 123 4567', 'MY', '+966501234567');
    accepts('+60 12-345 6789', 'ID', '+60123456789');
    accepts('+82 10-1234-5678', 'SA', '+821012345678');
    accepts('+249 91 234 5678', undefined, '+249912345678');
    accepts('+971 50 123 4567', undefined, '+971501234567');
  });

  it('drops a trunk prefix written in brackets after the country code', () => {
    accepts('+62 (0)812 3456 7890', undefined, '+6281234567890');
  });

  it('reports the country the number belongs to, not the default one', () => {
    const r = accepts('+62 812 3456 7890', 'SA', '+6281234567890');
    assert.ok(r.ok);
    assert.equal(r.country, 'ID');
  });

  it('reads Arabic-Indic and full-width digits and ignores invisible direction marks', () => {
    accepts('٠٥٠١٢٣٤٥٦٧', 'SA', '+966501234567');
    accepts('+٩٦٦٥٠١٢٣٤٥٦٧', undefined, '+966501234567');
    accepts('０８１２３４５６７８９０', 'ID', '+6281234567890');
    accepts('\u200f+966 50 123 4567\u200e', undefined, '+966501234567');
    accepts('\u202a+62 812 3456 7890\u202c', undefined, '+6281234567890');
    accepts('  0812 3456 7890  ', 'ID', '+6281234567890');
  });
});

describe('normalisePhone: rejections', () => {
  it('rejects empty input, letters, extensions and garbage', () => {
    rejects('', 'ID', 'phone.invalid');
    rejects('   ', 'ID', 'phone.invalid');
    rejects('abc', 'ID', 'phone.invalid');
    rejects('+1 800 FLOWERS', undefined, 'phone.invalid');
    rejects('0812 3456 7890 ext. 5', 'ID', 'phone.invalid');
    rejects('0812-3456-7890 / 0813-1111-2222', 'ID', 'phone.invalid');
    rejects('0812;3456', 'ID', 'phone.invalid');
    rejects('12+34', 'ID', 'phone.invalid');
    rejects('++62 812 3456 7890', undefined, 'phone.invalid');
    rejects('+', undefined, 'phone.invalid');
    rejects('0062', 'ID', 'phone.invalid');
  });

  it('rejects control characters: a line break or tab means a mangled field', () => {
    rejects('0812\t3456 7890', 'ID', 'phone.invalid');
    rejects('+62812\n34567890', undefined, 'phone.invalid');
    rejects('0812\u00003456', 'ID', 'phone.invalid');
  });

  it('rejects a number with an unknown country code or invalid for its country', () => {
    rejects('+999 123 456', undefined, 'phone.invalid');
    rejects('+62 812', undefined, 'phone.invalid');
    rejects('+966 12', undefined, 'phone.invalid');
  });

  it('rejects a national number that is not valid in the default country', () => {
    // An Indonesian mobile typed as at home by someone living in Malaysia.
    rejects('0812-3456-7890', 'MY', 'phone.not_for_country');
    rejects('0501234567', 'HK', 'phone.not_for_country');
    rejects('0812345', 'ID', 'phone.not_for_country');
    rejects('1234', 'SG', 'phone.not_for_country');
  });

  it('needs a country code when no usable default country is given', () => {
    rejects('0812 3456 7890', undefined, 'phone.not_for_country');
    rejects('0812 3456 7890', 'XX', 'phone.not_for_country');
    rejects('0812 3456 7890', '', 'phone.not_for_country');
  });

  it('rejects numbers with too many digits', () => {
    rejects('+62 812 3456 7890 12345', undefined, 'phone.too_long');
    rejects('+60 12 345 6789 012', undefined, 'phone.too_long');
    rejects('1234567890123456789', 'ID', 'phone.too_long');
    rejects('0'.repeat(100), 'ID', 'phone.too_long');
  });

  it('names the default country in the message', () => {
    const r = normalisePhone('0812-3456-7890', 'MY');
    assert.ok(!r.ok);
    assert.match(r.message, /MY/);
  });
});
