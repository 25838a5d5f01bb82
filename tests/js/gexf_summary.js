// Parse a GEXF file with graphology-gexf and print what a JavaScript client sees, as JSON:
// node and edge counts, each node's colour and label, and the attribute names.
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], "utf-8"));
const nodes = {};
graph.forEachNode((key, attrs) => {
  nodes[key] = { label: attrs.label, color: attrs.color, size: attrs.size, type: attrs.type };
});
const edgeAttributes = new Set();
graph.forEachEdge((key, attrs) => Object.keys(attrs).forEach((k) => edgeAttributes.add(k)));
process.stdout.write(JSON.stringify({
  order: graph.order,
  size: graph.size,
  multi: graph.multi,
  nodes,
  edgeAttributes: [...edgeAttributes].sort(),
}));
