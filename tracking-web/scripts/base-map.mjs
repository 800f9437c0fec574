// Writes public/assets/land-110m.json, the page's base map: Natural Earth's 1:110m land (public domain), as the
// world-atlas package redistributes it (TopoJSON, ISC), decoded into rings of [lon, lat, lon, lat, …] at 0.1°.
// Run `node scripts/base-map.mjs` after changing the world-atlas version; test/base-map.test.mjs checks the file
// still is what this script makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'assets', 'land-110m.json');

/** The rings of the TopoJSON object, each a flat list of lon/lat pairs rounded to a tenth of a degree. */
export function baseMap() {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8'));
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  // arcs are delta-encoded in the quantized grid
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indexes) => indexes.flatMap((index, i) => {
    const points = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    return i === 0 ? points : points.slice(1); // each arc starts where the last one ended
  });
  const rings = [];
  for (const geometry of topology.objects.land.geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    for (const polygon of polygons) for (const indexes of polygon) rings.push(ring(indexes));
  }
  const rounded = rings.map((points) => {
    const flat = [];
    for (const [lon, lat] of points) {
      const x = Math.round(lon * 10) / 10;
      const y = Math.round(lat * 10) / 10;
      if (flat.length && flat[flat.length - 2] === x && flat[flat.length - 1] === y) continue;
      flat.push(x, y);
    }
    return flat;
  }).filter((flat) => flat.length >= 6);
  return { source: 'Natural Earth 1:110m land, public domain, via world-atlas 2.0.2 (ISC)', rings: rounded };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, JSON.stringify(baseMap()) + '\n');
  console.log('written ' + OUTPUT);
}
