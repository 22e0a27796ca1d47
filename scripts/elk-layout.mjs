// Lays graphs out with ELK's layered algorithm (elkjs, a dev dependency of the tests only, never
// shipped), for the comparison in crates/gomod/tests/layout_vs_elk.rs.
//
//   node scripts/elk-layout.mjs < graphs.json > layouts.json
//
// Input: [{ name, nodes: [{ width, height }], edges: [[from, to]] }]. Output, per graph in the
// same order: { name, ms, nodes: [{ x, y, width, height }], routes: [[[x, y], ...]] } with one
// route per input edge, from ELK's edge sections. The only option set is the direction (DOWN,
// as our drawing); everything else is ELK layered's default.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const ELK = require('elkjs/lib/elk.bundled.js');

const elk = new ELK();
const graphs = JSON.parse(readFileSync(0, 'utf8'));
// One untimed run first, so the times below are not the JIT's warm-up.
if (graphs.length > 0) await elk.layout(elkGraph(graphs[0]));
const out = [];
function elkGraph(g) {
  return {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN' },
    children: g.nodes.map((n, i) => ({ id: `n${i}`, width: n.width, height: n.height })),
    edges: g.edges.map(([a, b], i) => ({ id: `e${i}`, sources: [`n${a}`], targets: [`n${b}`] })),
  };
}

for (const g of graphs) {
  const input = elkGraph(g);
  const started = performance.now();
  const laid = await elk.layout(input);
  const ms = performance.now() - started;
  const byId = new Map(laid.edges.map((e) => [e.id, e]));
  out.push({
    name: g.name,
    ms,
    nodes: laid.children.map((c) => ({ x: c.x, y: c.y, width: c.width, height: c.height })),
    routes: g.edges.map((_, i) => {
      const points = [];
      for (const s of byId.get(`e${i}`)?.sections ?? []) {
        points.push([s.startPoint.x, s.startPoint.y]);
        for (const b of s.bendPoints ?? []) points.push([b.x, b.y]);
        points.push([s.endPoint.x, s.endPoint.y]);
      }
      return points;
    }),
  });
}
process.stdout.write(JSON.stringify(out));
