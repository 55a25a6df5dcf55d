// Reads a GEXF file with graphology-gexf (the parser Gephi Lite and sigma.js use) and prints what it
// read as JSON: the graph's type, and every node and edge with its attributes. Used by
// tests/test_gexf_reader.py; `npm ci` in this folder installs the reader.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { MultiDirectedGraph } = require('graphology');
const gexf = require('graphology-gexf');

const graph = gexf.parse(MultiDirectedGraph, readFileSync(process.argv[2], 'utf8'));
const out = { type: graph.type, multi: graph.multi, meta: graph.getAttributes(), nodes: [], edges: [] };
graph.forEachNode((key, attributes) => out.nodes.push({ key, attributes }));
graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) =>
  out.edges.push({ key, source, target, undirected, attributes }));
process.stdout.write(JSON.stringify(out));
