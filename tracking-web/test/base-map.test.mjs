// The bundled base map is what scripts/base-map.mjs makes from the pinned world-atlas package, not a hand-edited file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OUTPUT, baseMap } from '../scripts/base-map.mjs';

test('the base map is Natural Earth land as the script decodes it, and holds the coasts a route in China needs', () => {
  const committed = JSON.parse(readFileSync(OUTPUT, 'utf8'));
  assert.deepEqual(committed, baseMap(), 'run node scripts/base-map.mjs');

  // Shanghai (121.5°E, 31.2°N) lies on land, the East China Sea east of it (124°E) does not
  const inside = (ring, lon, lat) => {
    let odd = false;
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      if ((ring[i + 1] > lat) !== (ring[j + 1] > lat) && lon < ((ring[j] - ring[i]) * (lat - ring[i + 1])) / (ring[j + 1] - ring[i + 1]) + ring[i]) odd = !odd;
    }
    return odd;
  };
  const onLand = (lon, lat) => committed.rings.some((ring) => inside(ring, lon, lat));
  assert.equal(onLand(121.0, 31.2), true);
  assert.equal(onLand(124.0, 31.2), false);
});
