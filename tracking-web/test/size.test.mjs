// The page's own HTML + JS + CSS must stay small for phones on slow networks: at most 30 KB gzipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 30 * 1024;
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
  for (const file of files(publicDir)) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`page size: ${raw} bytes raw, ${gzipped} bytes gzipped (budget ${BUDGET})`);
  assert.ok(gzipped <= BUDGET, `${gzipped} bytes gzipped is over the ${BUDGET}-byte budget`);
});
