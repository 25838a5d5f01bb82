// Expand a JSON-LD file with jsonld.js (the reference implementation) and print it as N-Quads.
// The document loader refuses every URL, so a remote @context fails instead of being fetched.
"use strict";
const fs = require("fs");
const jsonld = require("jsonld");

const doc = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
const documentLoader = async (url) => {
  throw new Error(`refusing to fetch ${url}`);
};
jsonld
  .toRDF(doc, { format: "application/n-quads", documentLoader, safe: true })
  .then((nquads) => process.stdout.write(nquads))
  .catch((err) => {
    process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
    process.exit(1);
  });
