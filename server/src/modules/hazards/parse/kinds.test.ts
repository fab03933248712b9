// Hazard kinds: SAME codes first, then event text in the languages official feeds use, then the CAP
// category; specific hazards are not swallowed by general ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindFromCap, kindFromGdacs, kindFromText, kindFromUsgs } from './kinds';

const cap = (
  event: string,
  categories: string[] = ['Met'],
  eventCodes: { name: string; value: string }[] = [],
) => kindFromCap({ categories, event, eventCodes });

describe('kindFromCap', () => {
  it('reads the event text, specific before general', () => {
    assert.equal(cap('Tsunami Warning', ['Geo']), 'tsunami');
    assert.equal(cap('Earthquake', ['Geo']), 'earthquake');
    assert.equal(cap('Tropical Storm Warning'), 'tropical_cyclone');
    assert.equal(cap('Storm Surge Warning'), 'flood');
    assert.equal(cap('Flash Flood Watch'), 'flood');
    assert.equal(cap('Winter Storm Warning'), 'storm');
    assert.equal(cap('Excessive Heat Warning'), 'extreme_temperature');
    assert.equal(cap('Fire Weather Watch', ['Fire']), 'wildfire');
    assert.equal(cap('Ashfall Advisory', ['Geo']), 'volcano');
    assert.equal(cap('Air Quality Alert'), 'other');
  });

  it('understands French, Spanish and Indonesian event names', () => {
    assert.equal(cap('orages'), 'storm');
    assert.equal(cap('inondation'), 'flood');
    assert.equal(cap('séisme', ['Geo']), 'earthquake');
    assert.equal(cap('Gempa Bumi', ['Geo']), 'earthquake');
    assert.equal(cap('banjir'), 'flood');
    assert.equal(cap('incendio forestal', ['Fire']), 'wildfire');
  });

  it('trusts a SAME code over the free text', () => {
    assert.equal(cap('Civil message', ['Safety'], [{ name: 'SAME', value: 'EQW' }]), 'earthquake');
    assert.equal(
      cap('thunderstorm', ['Met'], [{ name: 'profile:CAP-CP:Event:0.4', value: 'thunderstorm' }]),
      'storm',
    );
    assert.equal(cap('Other', ['Fire'], [{ name: 'AU', value: 'grassFire' }]), 'wildfire');
  });

  it('falls back on the category', () => {
    assert.equal(cap('Homeland Security Advisory System Update', ['Security']), 'conflict');
    assert.equal(cap('Notice', ['Health']), 'epidemic');
    assert.equal(cap('Notice', ['CBRNE']), 'chemical');
    assert.equal(cap('Notice', ['Fire']), 'wildfire');
    assert.equal(cap('Special Weather Statement', ['Met']), 'storm');
    assert.equal(cap('Notice', ['Geo']), 'other');
    assert.equal(cap('Child Abduction', ['Rescue']), 'other');
  });

  it('does not match words inside other words', () => {
    assert.equal(kindFromText('Police service notice'), undefined);
    assert.equal(kindFromText('An alarmed resident'), undefined);
  });
});

describe('GDACS and USGS kinds', () => {
  it('maps GDACS event types', () => {
    assert.deepEqual(['EQ', 'TC', 'FL', 'VO', 'DR', 'WF', 'TS', 'XX'].map(kindFromGdacs), [
      'earthquake',
      'tropical_cyclone',
      'flood',
      'volcano',
      'drought',
      'wildfire',
      'tsunami',
      'other',
    ]);
  });

  it('maps USGS event types', () => {
    assert.equal(kindFromUsgs('earthquake'), 'earthquake');
    assert.equal(kindFromUsgs(undefined), 'earthquake');
    assert.equal(kindFromUsgs('volcanic eruption'), 'volcano');
    assert.equal(kindFromUsgs('quarry blast'), 'other');
  });
});
