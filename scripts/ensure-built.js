// Runs before `npm start` and `npm run cli`: they run the compiled JavaScript in dist/ (fast to start), so
// rebuild it when any source file is newer than the build — a fresh clone is built by `npm ci` (prepare),
// an edited one here. Then the demo template (src/ops/demo-template.ts) likewise: made again when any file under
// src/ or seeds/ is newer (the check the server makes before copying it). Plain JavaScript: it must run before
// anything is compiled.
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'main.js');

function newestSource(dir, compiled = /\.(ts|json)$/) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full, compiled));
    else if (compiled.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const builtAt = modifiedAt(built);
const sourcesAt = Math.max(newestSource(path.join(root, 'src')), statSync(path.join(root, 'tsconfig.json')).mtimeMs, statSync(path.join(root, 'tsconfig.build.json')).mtimeMs);
if (builtAt < sourcesAt) {
  process.stderr.write(builtAt === 0 ? 'building dist/ (first run)…\n' : 'src/ changed since the last build: rebuilding dist/…\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
}

const everyFile = /(?:)/;
const templateSourcesAt = Math.max(newestSource(path.join(root, 'src'), everyFile), newestSource(path.join(root, 'seeds'), everyFile));
if (modifiedAt(path.join(root, 'dist', 'demo-district.sqlite')) < templateSourcesAt) {
  // A template that cannot be made is no failure: the first start then seeds as it always could.
  try {
    execFileSync(process.execPath, [path.join(__dirname, 'build-demo.js')], { stdio: 'inherit', cwd: root });
  } catch {
    process.stderr.write('continuing without the demo template\n');
  }
}
