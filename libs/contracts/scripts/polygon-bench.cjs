// Median time of polygonSchema.safeParse on large polygons (7 runs each), in this process.
// Build first (`npx nx run contracts:build`), then: node libs/contracts/scripts/polygon-bench.cjs [compiled dir, default libs/contracts/dist]
const { polygonSchema } = require(require('path').resolve(process.argv[2] ?? require('path').join(__dirname, '../dist'), 'geo.js'));
function ring(n, cx, cy, r) { const out = []; for (let i = 0; i < n; i++) { const a = (2 * Math.PI * i) / n; out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]); } out.push(out[0]); return out; }
function comb(teeth, shift) { const eps = 1e-4, W = teeth * eps * 1.01; const top = []; for (let i = 0; i < teeth; i++) { top.push([105 + i * eps, 11 - shift]); top.push([105 + i * eps + W, 10.5 - shift]); } const last = top[top.length - 1]; return [...top, [last[0], 10 - shift], [105, 10 - shift], [105, 11 - shift]]; }
const cases = {
  'comb of 998 slanted teeth, one ring of 1,999 points (worst case)': { type: 'Polygon', coordinates: [comb(998, 0)] },
  'five such combs, 9,995 points': { type: 'Polygon', coordinates: [0, 1, 2, 3, 4].map((r) => comb(998, 2 * r)) },
  'one ring of 10,000 points': { type: 'Polygon', coordinates: [ring(9999, 105, 10, 1)] },
  'shell + 4 holes, 10,000 points': { type: 'Polygon', coordinates: [ring(1999, 105, 10, 1), ring(1999, 104.5, 10, 0.2), ring(1999, 105.5, 10, 0.2), ring(1999, 105, 10.5, 0.2), ring(1999, 105, 9.5, 0.2)] },
  'one ring of 30,000 points': { type: 'Polygon', coordinates: [ring(29999, 105, 10, 1)] },
  'shell + 17 holes, 36,000 points': { type: 'Polygon', coordinates: [ring(1999, 105, 10, 1), ...Array.from({ length: 17 }, (_, k) => ring(1999, 105 + 0.7 * Math.cos((2 * Math.PI * k) / 17), 10 + 0.7 * Math.sin((2 * Math.PI * k) / 17), 0.1))] },
};
for (const [name, polygon] of Object.entries(cases)) {
  const times = [];
  let result;
  for (let i = 0; i < 7; i++) { const t = process.hrtime.bigint(); result = polygonSchema.safeParse(polygon); times.push(Number(process.hrtime.bigint() - t) / 1e6); }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${JSON.stringify(polygon).length} bytes, median ${times[3].toFixed(1)} ms, ${result.success ? 'accepted' : 'refused: ' + result.error.issues[0].path.join('.') + ' ' + result.error.issues[0].message}`);
}
