// The page's own HTML + JS + CSS must stay small for phones on slow networks: at most 30 KB gzipped. The base map
// loads lazily, only on a page with a route to draw: it has a budget of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 30 * 1024;
const BASE_MAP = 'land-110m.json';
const BASE_MAP_BUDGET = 25 * 1024;
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('the page is at most 30 KB gzipped', () => {
  let raw = 0;
  let gzipped = 0;
  for (const file of files(publicDir).filter((path) => !path.endsWith(BASE_MAP))) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`page size: ${raw} bytes raw, ${gzipped} bytes gzipped (budget ${BUDGET})`);
  assert.ok(gzipped <= BUDGET, `${gzipped} bytes gzipped is over the ${BUDGET}-byte budget`);
});

test('the lazily loaded base map is at most 25 KB gzipped', () => {
  const gzipped = gzipSync(readFileSync(join(publicDir, 'assets', BASE_MAP)), { level: 9 }).length;
  console.log(`base map: ${gzipped} bytes gzipped (budget ${BASE_MAP_BUDGET})`);
  assert.ok(gzipped <= BASE_MAP_BUDGET, `${gzipped} bytes gzipped is over the ${BASE_MAP_BUDGET}-byte budget`);
});
