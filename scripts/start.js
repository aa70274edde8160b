// `npm start`: brings dist/ up to date (scripts/ensure-built.js), then runs the server in the same process — one
// node start-up, not two (a `prestart` script cost each start ~0.2 s). Plain JavaScript: it runs before any build.
'use strict';
require('./ensure-built.js');
require('../dist/main.js');
