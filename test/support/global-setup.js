// Jest's globalSetup: the tests that run the server as a child process run it the way `npm start` does — the
// compiled dist/ (fast to start) — so dist/ is brought up to date once, before any test file runs (never by two
// test files at once). In CI and on a fresh clone `npm ci` has built it already, and this only checks.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function ensureBuilt() {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'ensure-built.js')], { stdio: 'inherit' });
};
