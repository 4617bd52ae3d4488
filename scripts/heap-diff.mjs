#!/usr/bin/env node
/**
 * Compares two heap snapshots of the same page (e.g. the soak's SOAK_HEAP_SNAPSHOTS): live
 * objects grouped by constructor or kind with counts and self sizes, largest growth first, then
 * the objects of the second snapshot allocated after the first (snapshot ids are stable within a
 * page's life) with a retainer path for a few of them, which is usually where a leak shows.
 *
 *   node scripts/heap-diff.mjs start.heapsnapshot end.heapsnapshot [rows=25]
 */
import { readFileSync } from 'node:fs';

function load(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const { node_fields: nf, edge_fields: ef, node_types: nt, edge_types: et } = snap.snapshot.meta;
  return {
    nodes: snap.nodes,
    edges: snap.edges,
    strings: snap.strings,
    nodeSize: nf.length,
    edgeSize: ef.length,
    nType: nf.indexOf('type'),
    nName: nf.indexOf('name'),
    nId: nf.indexOf('id'),
    nSelf: nf.indexOf('self_size'),
    nEdges: nf.indexOf('edge_count'),
    eType: ef.indexOf('type'),
    eName: ef.indexOf('name_or_index'),
    eTo: ef.indexOf('to_node'),
    nodeTypes: nt[nf.indexOf('type')],
    edgeTypes: et[ef.indexOf('type')],
  };
}

const label = (s, i) => {
  const type = s.nodeTypes[s.nodes[i + s.nType]];
  const name = s.strings[s.nodes[i + s.nName]];
  if (type === 'object' || type === 'closure' || type === 'native') return `${type} ${name}`;
  return `(${type})`;
};

function groups(s, filter = () => true) {
  const out = new Map();
  for (let i = 0; i < s.nodes.length; i += s.nodeSize) {
    if (!filter(i)) continue;
    const key = label(s, i);
    const g = out.get(key) ?? { count: 0, size: 0, sample: [] };
    g.count++;
    g.size += s.nodes[i + s.nSelf];
    if (g.sample.length < 3) g.sample.push(i);
    out.set(key, g);
  }
  return out;
}

/** For each node, its retainers (node index and edge index), skipping weak edges. */
function retainers(s) {
  const map = new Map();
  let e = 0;
  for (let i = 0; i < s.nodes.length; i += s.nodeSize) {
    const n = s.nodes[i + s.nEdges];
    for (let k = 0; k < n; k++, e += s.edgeSize) {
      if (s.edgeTypes[s.edges[e + s.eType]] === 'weak') continue;
      const to = s.edges[e + s.eTo];
      const list = map.get(to) ?? [];
      list.push([i, e]);
      map.set(to, list);
    }
  }
  return map;
}

function edgeName(s, e) {
  const type = s.edgeTypes[s.edges[e + s.eType]];
  const n = s.edges[e + s.eName];
  return type === 'element' || type === 'hidden' ? `[${n}]` : String(s.strings[n]);
}

function path(s, back, node, depth = 12) {
  const steps = [];
  const seen = new Set([node]);
  let at = node;
  for (let d = 0; d < depth; d++) {
    const list = (back.get(at) ?? []).filter(([n]) => !seen.has(n));
    // Prefer a real object to the snapshot's synthetic roots.
    const next = list.find(([n]) => !label(s, n).startsWith('(synthetic')) ?? list[0];
    if (!next) break;
    const [n, e] = next;
    steps.push(`${label(s, n)} .${edgeName(s, e)}`);
    seen.add(n);
    at = n;
  }
  return steps.join(' ← ');
}

const [, , a, b, rowsArg] = process.argv;
if (!a || !b) {
  console.error('usage: node scripts/heap-diff.mjs start.heapsnapshot end.heapsnapshot [rows]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const start = load(a);
const end = load(b);
const before = groups(start);
const after = groups(end);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const total = (g) => [...g.values()].reduce((t, x) => t + x.size, 0);
console.log(`total self size: ${kb(total(before))} → ${kb(total(after))}`);

const diff = [...new Set([...before.keys(), ...after.keys()])]
  .map((key) => {
    const x = before.get(key) ?? { count: 0, size: 0 };
    const y = after.get(key) ?? { count: 0, size: 0 };
    return { key, count: y.count - x.count, size: y.size - x.size, from: x.count, to: y.count };
  })
  .sort((p, q) => q.size - p.size);
console.log('\nlargest growth by constructor/kind (self size, count):');
for (const d of diff.slice(0, rows)) {
  console.log(`  ${kb(d.size).padStart(10)}  ${String(d.count).padStart(6)}  (${d.from} → ${d.to})  ${d.key}`);
}

let maxId = 0;
for (let i = 0; i < start.nodes.length; i += start.nodeSize) maxId = Math.max(maxId, start.nodes[i + start.nId]);
const fresh = groups(end, (i) => end.nodes[i + end.nId] > maxId);
const back = retainers(end);
console.log(`\nobjects allocated after the first snapshot and alive in the second: ${kb(total(fresh))}`);
for (const [key, g] of [...fresh.entries()].sort((p, q) => q[1].size - p[1].size).slice(0, rows)) {
  console.log(`  ${kb(g.size).padStart(10)}  ${String(g.count).padStart(6)}  ${key}`);
  for (const i of g.sample.slice(0, 1)) console.log(`        ← ${path(end, back, i)}`);
}
