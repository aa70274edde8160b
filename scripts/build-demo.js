// Makes dist/demo-district.sqlite (src/ops/demo-template.ts) with the compiled dist/: run by `npm ci` (prepare) after
// the build and by scripts/ensure-built.js whenever the template is older than src/ or seeds/. Plain JavaScript.
'use strict';
require('reflect-metadata');
const { buildDemoTemplate } = require('../dist/ops/demo-template.js');

buildDemoTemplate().catch((error) => {
  process.stderr.write(`could not make the demo template (the first start will seed instead): ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
