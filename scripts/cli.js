// `npm run cli`: brings dist/ up to date (scripts/ensure-built.js), then runs the CLI in the same process — one node
// start-up, not two (a `precli` script cost each command ~0.2 s). Plain JavaScript: it runs before any build.
'use strict';
require('./ensure-built.js');
require('../dist/cli/main.js').runFromArgv();
