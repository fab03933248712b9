// The offline gazetteer as a user meets it: country names in both languages, places found from what
// people type, points placed in the right country and province, on both sides of the antimeridian.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteer } from './gazetteer';

/** Great-circle distance in km. */
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

const g = gazetteer();

// First, while nothing is loaded: what the first request after boot pays, and a lookup after.
describe('loading', () => {
  it('reads each table on first use and answers lookups in well under a millisecond', (t) => {
    const time = <T>(f: () => T): [T, number] => {
      const t0 = performance.now();
      const r = f();
      return [r, performance.now() - t0];
    };
    const [, countriesMs] = time(() => g.countries());
    const [, citiesMs] = time(() => g.geocode('Khartoum'));
    const [, firstReverseMs] = time(() => g.reverse(107.61, -6.91));
    const points: [number, number][] = [
      [107.61, -6.91], // Bandung
      [116.07, 5.98], // Kota Kinabalu
      [39.17, 21.54], // Jeddah
      [101.69, 3.14], // Kuala Lumpur
      [90, -10], // Indian Ocean
    ];
    for (const [lon, lat] of points) g.reverse(lon, lat);
    const rounds = 2000;
    const [, reverseMs] = time(() => {
      for (let i = 0; i < rounds; i++) for (const [lon, lat] of points) g.reverse(lon, lat);
    });
    const [, geocodeMs] = time(() => {
      for (let i = 0; i < rounds; i++) g.geocode('Jeddah, Saudi Arabia');
    });
    const perReverse = reverseMs / (rounds * points.length);
    const perGeocode = geocodeMs / rounds;
    t.diagnostic(
      `load: countries ${countriesMs.toFixed(0)} ms, cities ${citiesMs.toFixed(0)} ms, ` +
        `first admin-1 country ${firstReverseMs.toFixed(0)} ms; ` +
        `lookup: reverse ${(perReverse * 1000).toFixed(1)} µs, geocode ${(perGeocode * 1000).toFixed(1)} µs`,
    );
    assert.ok(perReverse < 0.5, `reverse took ${perReverse} ms`);
    assert.ok(perGeocode < 0.5, `geocode took ${perGeocode} ms`);
  });
});

describe('countries', () => {
  it('names a country in Indonesian and English, by any of its codes', () => {
    const sa = g.country('SA');
    assert.equal(sa?.name.id, 'Arab Saudi');
    assert.equal(sa?.name.en, 'Saudi Arabia');
    assert.equal(sa?.alpha3, 'SAU');
    assert.equal(sa?.numeric, '682');
    assert.equal(g.country('sau')?.code, 'SA');
    assert.equal(g.country('682')?.code, 'SA');
    assert.equal(g.country('36')?.code, 'AU');
    assert.equal(g.country('Saudi Arabia'), undefined);
    assert.equal(g.country('XX'), undefined);
  });

  it('gives official languages as two-letter tags where they exist', () => {
    assert.ok(g.country('SA')?.languages.includes('ar'));
    assert.deepEqual(g.country('ID')?.languages, ['id']);
    assert.ok(g.country('MY')?.languages.includes('ms'));
    assert.ok(g.country('TW')?.languages.includes('zh'));
  });

  it('lists every ISO country once, Kosovo included', () => {
    const codes = g.countries().map((c) => c.code);
    assert.ok(codes.length >= 249);
    assert.equal(new Set(codes).size, codes.length);
    assert.ok(g.countryGeometry('XK'), 'Kosovo has a boundary');
    assert.ok(g.countryGeometry('ID')!.coordinates.length > 100, 'Indonesia has its islands');
  });

  it('boxes a country across the antimeridian the short way round', () => {
    const [west, south, east, north] = g.country('FJ')!.bbox!;
    assert.ok(west > 170 && east < -170 && west > east, `Fiji ${west}..${east}`);
    assert.ok(south < -18 && north > -17);
    const [usWest, , usEast] = g.country('US')!.bbox!;
    assert.ok(usWest > 170 && usEast < -60, 'Aleutians to Maine');
    const [idWest, , idEast] = g.country('ID')!.bbox!;
    assert.ok(idWest > 94 && idEast < 142 && idWest < idEast);
  });
});

describe('admin-1 areas', () => {
  it('lists the provinces of a country with their HASC codes', () => {
    const areas = g.admin1('ID');
    assert.ok(areas.length >= 30);
    assert.equal(areas.find((a) => a.code === 'ID.JR')?.name, 'Jawa Barat');
    assert.equal(g.admin1Area('ID.JR')?.country, 'ID');
    assert.ok(g.admin1Geometry('id.jr'), 'codes are case-insensitive');
    assert.deepEqual(g.admin1('XX'), []);
  });

  it('gives areas that share a code in Natural Earth codes of their own', () => {
    const darfur = g
      .admin1('SD')
      .filter((a) => a.code.startsWith('SD.SD'))
      .map((a) => a.name)
      .sort();
    assert.deepEqual(darfur, ['Eastern Darfur', 'Southern Darfur']);
    const codes = g.admin1('SD').map((a) => a.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(g.admin1Area('SD.SD-southern-darfur')?.name, 'Southern Darfur');
  });

  it('finds an area whose code does not start with its country (Timor-Leste, French overseas)', () => {
    assert.equal(g.admin1Area('TP.DL')?.name, 'Dili');
    assert.equal(g.admin1Area('TP.DL')?.country, 'TL');
    const martinique = g.admin1('FR').find((a) => a.name === 'Martinique');
    assert.ok(martinique);
    assert.equal(g.admin1Area(martinique.code)?.country, 'FR');
  });
});

describe('geocode', () => {
  it('finds "Jeddah, Saudi Arabia" as a city, with its province', () => {
    const r = g.geocode('Jeddah, Saudi Arabia');
    assert.ok(r);
    assert.equal(r.country, 'SA');
    assert.equal(r.accuracy, 'city');
    assert.ok(km(r.lat, r.lon, 21.54, 39.17) < 20, `${r.lat},${r.lon}`);
    assert.equal(r.admin1Name, 'Makkah');
    assert.ok(r.population! > 1_000_000);
    assert.ok(r.accuracyM >= 2000 && r.accuracyM <= 30_000);
  });

  it('takes a bare name, a country code after it, or the country as a parameter', () => {
    for (const [text, country] of [
      ['jeddah', undefined],
      ['jeddah SA', undefined],
      ['JEDDAH', 'SA'],
      ['Jeddah, KSA', undefined],
    ] as const) {
      const r = g.geocode(text, country);
      assert.equal(r?.name, 'Jeddah', text);
      assert.equal(r?.country, 'SA', text);
    }
  });

  it('finds the places Indonesians abroad live in', () => {
    const kk = g.geocode('Kota Kinabalu, Malaysia');
    assert.equal(kk?.country, 'MY');
    assert.equal(kk?.admin1Name, 'Sabah');
    assert.equal(g.geocode('Khartoum')?.country, 'SD');
    assert.equal(g.geocode('Dubai, UAE')?.country, 'AE');
    assert.equal(g.geocode('Makkah')?.name, 'Mecca');
    assert.equal(g.geocode('Madinah', 'SA')?.name, 'Medina');
    assert.equal(g.geocode('Dammam')?.country, 'SA');
  });

  it('ignores accents and case', () => {
    const accented = g.geocode('São Paulo');
    const plain = g.geocode('sao paulo');
    assert.equal(accented?.country, 'BR');
    assert.deepEqual(plain, accented);
  });

  it('picks the given country among places of the same name', () => {
    assert.equal(g.geocode('Victoria', 'SC')?.country, 'SC');
    assert.equal(g.geocode('Victoria', 'CA')?.country, 'CA');
    assert.equal(g.geocode('Victoria, Seychelles')?.country, 'SC');
    // Without a country, the most populous.
    assert.equal(g.geocode('Victoria')?.country, 'CA');
  });

  it('says when only the country or the province is known', () => {
    for (const text of ['Saudi Arabia', 'Arab Saudi', 'KSA']) {
      const r = g.geocode(text);
      assert.equal(r?.accuracy, 'country', text);
      assert.equal(r?.country, 'SA', text);
      assert.ok(r.accuracyM > 500_000, 'a radius as wide as the country');
    }
    const my = g.geocode('Malaysia', 'MY');
    assert.equal(my?.accuracy, 'country');
    assert.ok(km(my.lat, my.lon, 3.14, 101.69) < 30, 'the capital stands for the country');
    const sabah = g.geocode('Sabah, Malaysia');
    assert.equal(sabah?.accuracy, 'admin1');
    assert.equal(sabah?.admin1, 'MY.SA');
    assert.equal(g.reverse(sabah.lon, sabah.lat).admin1, 'MY.SA', 'its point lies inside it');
  });

  it('answers a country whose capital has its name with the city', () => {
    assert.equal(g.geocode('Singapore')?.accuracy, 'city');
    assert.equal(g.geocode('Kuwait')?.name, 'Kuwait City');
  });

  it('returns nothing for unknown text or an unknown country', () => {
    assert.equal(g.geocode('Xqzzy Wumpus'), undefined);
    assert.equal(g.geocode('  ,  '), undefined);
    assert.equal(g.geocode('Jeddah', 'XX'), undefined);
    assert.equal(g.geocode('Jeddah', 'MY'), undefined);
  });
});

describe('reverse', () => {
  const at = (lon: number, lat: number) => g.reverse(lon, lat);

  it('places points in Indonesia and Malaysia in their province', () => {
    assert.deepEqual(at(107.61, -6.91), { country: 'ID', admin1: 'ID.JR', admin1Name: 'Jawa Barat' });
    const kk = at(116.07, 5.98);
    assert.equal(kk.country, 'MY');
    assert.equal(kk.admin1Name, 'Sabah');
    assert.equal(at(39.17, 21.54).admin1Name, 'Makkah');
  });

  it('finds no country at sea', () => {
    assert.deepEqual(at(90, -10), { country: null, admin1: null, admin1Name: null });
    assert.equal(at(-140, 0).country, null);
    assert.equal(at(Number.NaN, 0).country, null);
  });

  it('works on both sides of the antimeridian', () => {
    assert.equal(at(178.44, -18.14).country, 'FJ', 'Suva');
    assert.equal(at(-179.9, -16.8).country, 'FJ', 'Taveuni, east of 180°');
    assert.equal(at(180.1, -16.8).country, 'FJ', 'longitudes past 180 wrap');
    const kamchatka = at(158.65, 53.02);
    assert.equal(kamchatka.country, 'RU', 'Petropavlovsk-Kamchatsky');
    assert.equal(kamchatka.admin1Name, 'Kamchatka');
    assert.equal(at(-175, 65).country, 'RU', 'Chukotka, west of 180°');
    assert.equal(at(177.5, 64.73).country, 'RU', 'Anadyr, east of 180°');
    assert.equal(at(173, 52.9).country, 'US', 'Attu, Aleutians');
  });

  it('places Crimea in Ukraine, as the UN General Assembly does', () => {
    assert.equal(at(33.52, 44.6).country, 'UA');
    assert.equal(at(34.1, 44.95).country, 'UA');
  });
});
