// The person record's contract: what an officer, an import or the demo may submit, and the
// field-level reasons a bad one is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PersonCreate } from '@siaga/contracts';

const minimal = { fullName: 'Siti Aminah', statusAbroad: 'worker' };
const pathsOf = (input: unknown) => {
  const res = PersonCreate.safeParse(input);
  return res.success ? [] : res.error.issues.map((i) => i.path.join('.'));
};

describe('the person record contract', () => {
  it('fills sensible defaults for a minimal record', () => {
    const p = PersonCreate.parse(minimal);
    assert.deepEqual(p.nationalities, ['ID']);
    assert.equal(p.sex, 'unknown');
    assert.deepEqual([p.documents, p.contacts, p.vulnerabilities, p.aliases], [[], [], [], []]);
  });

  it('keeps a full record as given', () => {
    const p = PersonCreate.parse({
      ...minimal,
      givenName: 'Siti',
      familyName: 'Aminah',
      nativeName: 'سيتي أمينة',
      sex: 'female',
      birthDate: '1990-05',
      languages: ['id', 'ms', 'zh-Hant'],
      documents: [{ kind: 'passport', number: 'C1234567', issuingCountry: 'ID', expiresOn: '2029-01-31' }],
      contacts: [{ kind: 'messaging', value: '+60123456789', service: 'whatsapp', consent: true }],
      location: {
        country: 'MY',
        city: 'Kuala Lumpur',
        adminArea: 'MY-14',
        lat: 3.139,
        lon: 101.687,
        source: 'self',
      },
      vulnerabilities: [{ kind: 'pregnant' }],
      consents: [{ purpose: 'alerts', givenAt: '2026-11-29T10:00:00+07:00', channel: 'web' }],
      missionCode: 'kbri-kuala-lumpur',
    });
    assert.equal(p.missionCode, 'KBRI-KUALA-LUMPUR');
    assert.equal(p.contacts[0]!.verified, false);
    assert.equal(p.location!.adminArea, 'MY-14');
  });

  it('names each bad field', () => {
    assert.deepEqual(pathsOf({ ...minimal, fullName: 'Siti\u0007Aminah' }), ['fullName']);
    assert.deepEqual(pathsOf({ ...minimal, fullName: '   ' }), ['fullName']);
    assert.deepEqual(pathsOf({ ...minimal, birthDate: '05/1990' }), ['birthDate']);
    assert.deepEqual(pathsOf({ ...minimal, nationalities: ['Indonesia'] }), ['nationalities.0']);
    assert.deepEqual(pathsOf({ ...minimal, languages: ['bahasa indonesia'] }), ['languages.0']);
    assert.deepEqual(pathsOf({ ...minimal, fullName: 'x'.repeat(201) }), ['fullName']);
    assert.deepEqual(
      pathsOf({ ...minimal, documents: [{ kind: 'passport', number: 'C12;DROP', issuingCountry: 'ID' }] }),
      ['documents.0.number'],
    );
    assert.deepEqual(pathsOf({ ...minimal, location: { country: 'MY', lat: 91, source: 'self' } }), [
      'location.lat',
    ]);
    assert.deepEqual(pathsOf({ ...minimal, vulnerabilities: [{ kind: 'rich' }] }), [
      'vulnerabilities.0.kind',
    ]);
    assert.deepEqual(pathsOf({ ...minimal, favouriteColour: 'red' }), ['']);
  });
});
