// Suggested radii: the intensity equation gives plausible felt distances, grows with magnitude,
// shrinks with depth and stays within its bounds; alert levels widen the radius of other hazards.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { earthquakeRadiusKm, levelRadiusKm, predictedIntensity } from './radius';

describe('earthquakeRadiusKm', () => {
  it('predicts strong shaking near a shallow M7 and little far away', () => {
    assert.ok(predictedIntensity(7, 10) > 8);
    assert.ok(predictedIntensity(7, 300) < 5);
  });

  it('grows with magnitude at a fixed depth', () => {
    const radii = [5, 5.5, 6, 6.5, 7, 7.5, 8].map((m) => earthquakeRadiusKm(m, 10));
    for (let i = 1; i < radii.length; i += 1) assert.ok(radii[i]! > radii[i - 1]!, radii.join(', '));
    // Order of magnitude for MMI V: tens of km at M6, a couple of hundred at M7.5.
    assert.ok(radii[2]! > 30 && radii[2]! < 100, `M6: ${radii[2]}`);
    assert.ok(radii[5]! > 150 && radii[5]! < 400, `M7.5: ${radii[5]}`);
  });

  it('shrinks with depth and keeps to 10–1500 km', () => {
    assert.ok(earthquakeRadiusKm(7, 100) < earthquakeRadiusKm(7, 10));
    assert.equal(earthquakeRadiusKm(3, 10), 10);
    assert.equal(earthquakeRadiusKm(5, 600), 10);
    assert.equal(earthquakeRadiusKm(9.5, 0), 1500);
    assert.equal(earthquakeRadiusKm(6, Number.NaN), earthquakeRadiusKm(6));
  });
});

describe('levelRadiusKm', () => {
  it('widens with the alert level', () => {
    for (const kind of ['tropical_cyclone', 'flood', 'volcano', 'other'] as const) {
      assert.ok(levelRadiusKm(kind, 'green') < levelRadiusKm(kind, 'orange'));
      assert.ok(levelRadiusKm(kind, 'orange') < levelRadiusKm(kind, 'red'));
    }
    assert.equal(levelRadiusKm('flood', undefined), levelRadiusKm('flood', 'green'));
  });
});
