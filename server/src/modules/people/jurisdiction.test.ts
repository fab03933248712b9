import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_MISSIONS } from '../../demo/missions';
import { responsibleMission, type MissionCoverage } from './jurisdiction';

const missions: MissionCoverage[] = DEMO_MISSIONS.map((m, i) => ({
  id: String(i),
  code: m.code,
  kind: m.kind,
  countries: m.countries,
  jurisdictions: m.jurisdictions ?? [],
}));
const codeFor = (country: string, adminArea?: string) =>
  responsibleMission(missions, { country, adminArea })?.code ?? null;

describe('the responsible mission for a place', () => {
  it('is the consulate whose jurisdiction names the area', () => {
    assert.equal(codeFor('MY', 'MY-12'), 'KJRI-KOTA-KINABALU'); // Sabah
    assert.equal(codeFor('MY', 'MY-13'), 'KJRI-KUCHING'); // Sarawak
    assert.equal(codeFor('SA', 'SA-02'), 'KJRI-JEDDAH'); // Makkah
  });

  it('is the embassy for the areas it names itself', () => {
    assert.equal(codeFor('MY', 'MY-14'), 'KBRI-KUALA-LUMPUR');
    assert.equal(codeFor('SA', 'SA-01'), 'KBRI-RIYADH');
  });

  it('is the embassy when the area is unknown, even where consulates share the country', () => {
    assert.equal(codeFor('MY'), 'KBRI-KUALA-LUMPUR');
    assert.equal(codeFor('SA'), 'KBRI-RIYADH');
  });

  it('falls back to the country when no mission names the area', () => {
    assert.equal(codeFor('MY', 'MY-99'), 'KBRI-KUALA-LUMPUR');
  });

  it('covers countries listed without jurisdictions, and accredited neighbours', () => {
    assert.equal(codeFor('TW'), 'KDEI-TAIPEI');
    assert.equal(codeFor('MO'), 'KJRI-HONG-KONG');
    assert.equal(codeFor('ER'), 'KBRI-KHARTOUM');
    assert.equal(codeFor('TO'), 'KBRI-SUVA');
  });

  it('is nobody where no mission covers the country: headquarters then answers', () => {
    assert.equal(codeFor('BR'), null);
  });

  it('prefers an embassy to a consulate claiming the same, then the lower code', () => {
    const rivals: MissionCoverage[] = [
      { id: 'c', code: 'KJRI-A', kind: 'consulate', countries: ['XX'], jurisdictions: [] },
      { id: 'e2', code: 'KBRI-B', kind: 'embassy', countries: ['XX'], jurisdictions: [] },
      { id: 'e1', code: 'KBRI-A', kind: 'embassy', countries: ['XX'], jurisdictions: [] },
    ];
    assert.equal(responsibleMission(rivals, { country: 'XX' })?.code, 'KBRI-A');
    assert.equal(responsibleMission(rivals.slice(0, 1), { country: 'XX' })?.code, 'KJRI-A');
  });
});
