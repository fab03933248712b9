import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PersonCreate } from '@siaga/contracts';
import { normalisePhone } from '../modules/people/phones';
import { DEMO_MISSIONS } from './missions';
import { demoPopulation, type DemoHousehold, type DemoMember } from './population';

const NOW = new Date('2026-03-15T09:30:00Z');

function generate(people: number, seed = 1, now = NOW): DemoHousehold[] {
  return [...demoPopulation({ people, seed, now })];
}
const membersOf = (households: DemoHousehold[]): DemoMember[] => households.flatMap((h) => h.members);

// One larger population shared by the tests that measure shares and spread.
let big: DemoHousehold[] | undefined;
const population = () => (big ??= generate(20_000, 20260315));

/** Completed years at NOW for a full YYYY-MM-DD date, as the generator counts them. */
function ageAtNow(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const ny = NOW.getUTCFullYear();
  const nm = NOW.getUTCMonth() + 1;
  const nd = NOW.getUTCDate();
  return ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
}

test('yields exactly the number of people asked for, in households of one to six', () => {
  for (const people of [0, 1, 7, 1000]) {
    const households = generate(people, 99);
    assert.equal(membersOf(households).length, people, `people=${people}`);
    for (const h of households) {
      assert.ok(h.members.length >= 1 && h.members.length <= 6, `household of ${h.members.length}`);
    }
  }
});

test('every household has exactly one head', () => {
  for (const h of population()) {
    assert.equal(h.members.filter((m) => m.relationship === 'head').length, 1);
  }
});

test('is deterministic for a seed and a date, and differs for another seed', () => {
  const a = generate(1000, 42);
  const b = generate(1000, 42);
  assert.deepEqual(a, b);
  const c = generate(1000, 43);
  assert.notDeepEqual(a, c);
  const names = (hs: DemoHousehold[]) => membersOf(hs).map((m) => m.person.fullName);
  // Not merely shifted: most names differ position by position.
  const same = names(a).filter((n, i) => n === names(c)[i]).length;
  assert.ok(same < 100, `${same} identical names at the same position`);
});

test('is lazy: the first household of a huge population comes at once', () => {
  const started = performance.now();
  const first = demoPopulation({ people: 10_000_000, seed: 5, now: NOW }).next();
  assert.equal(first.done, false);
  assert.ok(performance.now() - started < 5000);
});

test('rejects impossible options at the call, before any iteration', () => {
  const call =
    (people: number, seed = 1, now = NOW) =>
    () =>
      demoPopulation({ people, seed, now });
  assert.throws(call(-1), RangeError);
  assert.throws(call(1.5), RangeError);
  assert.throws(call(1, Number.NaN), RangeError);
  assert.throws(call(1, 1, new Date('nonsense')), RangeError);
});

test('every person is a valid PersonCreate without a mission code', () => {
  for (const m of membersOf(population())) {
    const parsed = PersonCreate.safeParse(m.person);
    assert.ok(parsed.success, `${JSON.stringify(m.person)}: ${parsed.error?.message}`);
    assert.equal(m.person.missionCode, undefined);
    const updated = Date.parse(m.updatedAt);
    assert.ok(!Number.isNaN(updated) && updated <= NOW.getTime());
    for (const c of m.person.consents ?? []) {
      assert.ok(Date.parse(c.givenAt) <= updated, `consent ${c.givenAt} after the update ${m.updatedAt}`);
    }
  }
});

test('spreads over 100+ countries, Malaysia far ahead, with real cities', () => {
  const perCountry = new Map<string, number>();
  for (const m of membersOf(population())) {
    const location = m.person.location;
    assert.ok(location?.city, 'every person has a city');
    perCountry.set(location.country, (perCountry.get(location.country) ?? 0) + 1);
  }
  assert.ok(perCountry.size >= 100, `${perCountry.size} countries`);
  const ranked = [...perCountry].sort((a, b) => b[1] - a[1]);
  assert.equal(ranked[0]?.[0], 'MY');
  assert.ok(
    (ranked[0]?.[1] ?? 0) > 2 * (ranked[1]?.[1] ?? 0),
    'Malaysia has more than twice the next country',
  );
  assert.equal(ranked[1]?.[0], 'SA');
});

test('areas in Malaysia and Saudi Arabia are ISO 3166-2 codes that the missions claim', () => {
  const claimed = new Set(
    DEMO_MISSIONS.flatMap((m) => (m.jurisdictions ?? []).flatMap((j) => j.adminAreas ?? [])),
  );
  let seen = 0;
  for (const m of membersOf(population())) {
    const location = m.person.location;
    if (!location) continue;
    if (location.country === 'MY' || location.country === 'SA') {
      assert.ok(
        location.adminArea && claimed.has(location.adminArea),
        `${location.city}: ${location.adminArea}`,
      );
      seen++;
    } else {
      assert.equal(location.adminArea, undefined);
    }
  }
  assert.ok(seen > 5000);
});

test('every phone normalises for the country of residence', () => {
  let checked = 0;
  for (const m of membersOf(population())) {
    const country = m.person.location?.country;
    const phones = [
      ...(m.person.contacts ?? [])
        .filter((c) => c.kind === 'phone' || c.service === 'whatsapp')
        .map((c) => c.value),
      ...(m.person.emergencyContacts ?? []).flatMap((e) => (e.phone ? [e.phone] : [])),
    ];
    for (const phone of phones) {
      const result = normalisePhone(phone, country);
      assert.ok(result.ok, `${country} ${phone}: ${result.ok ? '' : result.message}`);
      assert.ok(
        result.type === 'mobile' || result.type === 'fixed_line_or_mobile',
        `${phone} is ${result.type}`,
      );
      checked++;
    }
  }
  assert.ok(checked > 20_000);
});

test('local phones are written in the national format of the country', () => {
  const local = membersOf(population()).flatMap((m) =>
    (m.person.contacts ?? []).filter(
      (c) => c.kind === 'phone' && m.person.location?.country === 'MY' && !c.value.startsWith('+'),
    ),
  );
  assert.ok(local.length > 1000);
  for (const c of local) assert.match(c.value, /^01\d/);
});

test('document numbers are unique except where a duplicate record repeats them', () => {
  const holders = new Map<string, { member: DemoMember; household: DemoHousehold }[]>();
  const households = population();
  for (const household of households) {
    for (const member of household.members) {
      for (const doc of member.person.documents ?? []) {
        const list = holders.get(doc.number) ?? [];
        list.push({ member, household });
        holders.set(doc.number, list);
      }
    }
  }
  let repeated = 0;
  for (const [number, list] of holders) {
    if (list.length === 1) continue;
    repeated++;
    assert.equal(list.length, 2, `${number} held ${list.length} times`);
    const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
    assert.notEqual(a.household, b.household, `${number} twice in one household`);
    assert.ok(
      a.household.members.length === 1 || b.household.members.length === 1,
      'a duplicate stands alone',
    );
    assert.equal(a.member.person.sex, b.member.person.sex);
    if (a.member.person.birthDate && b.member.person.birthDate) {
      assert.equal(a.member.person.birthDate, b.member.person.birthDate);
    }
    assert.notEqual(a.member.person.fullName, b.member.person.fullName, 'written differently');
  }
  const people = membersOf(households).length;
  assert.ok(repeated > people * 0.005 && repeated < people * 0.03, `${repeated} repeated numbers`);
});

test('passports and NIKs have the real structure', () => {
  let niks = 0;
  for (const m of membersOf(population())) {
    for (const doc of m.person.documents ?? []) {
      if (doc.kind === 'passport') {
        assert.match(doc.number, /^[A-Z]\d{7}$/);
        assert.equal(doc.issuingCountry, 'ID');
        assert.match(doc.expiresOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
      }
      if (doc.kind === 'national_id') {
        assert.match(doc.number, /^(1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[12])\d{14}$/);
        const birth = m.person.birthDate;
        if (birth?.length === 10) {
          const day = Number(doc.number.slice(6, 8)) - (m.person.sex === 'female' ? 40 : 0);
          const date = `${doc.number.slice(10, 12)}-${doc.number.slice(8, 10)}-${String(day).padStart(2, '0')}`;
          assert.equal(date, birth.slice(2), `${doc.number} for ${birth} (${m.person.sex})`);
          niks++;
        }
      }
    }
  }
  assert.ok(niks > 5000);
});

test('about a fifth of records are stale, a year or more old', () => {
  const members = membersOf(population());
  const yearAgo = NOW.getTime() - 365 * 86_400_000;
  const stale = members.filter((m) => Date.parse(m.updatedAt) < yearAgo).length / members.length;
  assert.ok(stale > 0.1 && stale < 0.3, `stale share ${stale}`);
  const oldest = Math.min(...members.map((m) => Date.parse(m.updatedAt)));
  assert.ok(oldest > NOW.getTime() - 61 * 31 * 86_400_000, 'nothing older than about five years');
});

test('children are flagged as children and older people as older persons', () => {
  let children = 0;
  for (const m of membersOf(population())) {
    const kinds = (m.person.vulnerabilities ?? []).map((v) => v.kind);
    const birth = m.person.birthDate;
    if (birth?.length !== 10) continue;
    const age = ageAtNow(birth);
    assert.equal(kinds.includes('child'), age < 18, `${birth}: ${kinds.join(',')}`);
    assert.equal(kinds.includes('older_person'), age >= 60, `${birth}: ${kinds.join(',')}`);
    if (age < 18) children++;
  }
  assert.ok(children > 1000);
});

test('domestic work in Hong Kong is done by women, fishing in Taiwan by men', () => {
  const heads = membersOf(population()).filter((m) => m.relationship === 'head');
  const share = (list: DemoMember[]) => list.filter((m) => m.person.sex === 'female').length / list.length;
  const hk = heads.filter((m) => m.person.location?.country === 'HK' && m.person.statusAbroad === 'worker');
  const twCrew = heads.filter((m) => m.person.location?.country === 'TW' && m.person.statusAbroad === 'crew');
  assert.ok(hk.length > 100 && share(hk) > 0.85, `HK workers ${hk.length}, women ${share(hk)}`);
  assert.ok(twCrew.length > 20 && share(twCrew) < 0.1, `TW crew ${twCrew.length}, women ${share(twCrew)}`);
});

test('everyone speaks Indonesian first; some records lack a phone, a birth date or documents', () => {
  const members = membersOf(population());
  for (const m of members) assert.equal(m.person.languages?.[0], 'id');
  const adults = members.filter((m) => !(m.person.vulnerabilities ?? []).some((v) => v.kind === 'child'));
  const share = (f: (m: DemoMember) => boolean) => adults.filter(f).length / adults.length;
  assert.ok(share((m) => !m.person.birthDate) > 0.01);
  assert.ok(share((m) => !(m.person.documents ?? []).length) > 0.02);
  assert.ok(share((m) => !(m.person.contacts ?? []).some((c) => c.kind === 'phone')) > 0.02);
  const email = share((m) => (m.person.contacts ?? []).some((c) => c.kind === 'email'));
  assert.ok(email > 0.2 && email < 0.45, `email share ${email}`);
});
