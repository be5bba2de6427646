import { describe, expect, it } from 'vitest';
import { placeChain, placesAgree, placesDisagree, placeZone } from '../../src/ingest/event-places.js';

describe('places', () => {
  it('a seat of government lies in its city and country', () => {
    expect(placeChain('the White House')).toEqual(['white house', 'washington', 'united states']);
    expect(placesAgree('Moscow', 'Russia')).toBe(true);
    expect(placesAgree('the Kremlin', 'Moscow')).toBe(true);
  });

  it('two known places apart disagree; an unknown place neither agrees nor disagrees', () => {
    expect(placesDisagree('Berlin', 'Russia')).toBe(true);
    expect(placesAgree('Berlin', 'Russia')).toBe(false);
    expect(placesDisagree('Smallville', 'Russia')).toBe(false);
    expect(placesAgree('Lisbon, Portugal', 'Lisbon')).toBe(true);
  });

  it('a known place has its zone’s offset on the day (summer time included)', () => {
    expect(placeZone('Moscow', '2025-12-02')).toBe(180);
    expect(placeZone('Paris', '2025-07-01')).toBe(120);
    expect(placeZone('Paris', '2025-12-01')).toBe(60);
    expect(placeZone('Smallville', '2025-12-01')).toBeUndefined();
  });
});
