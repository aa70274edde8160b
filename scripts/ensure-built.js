// Runs before `npm start` and `npm run cli`: they run the compiled JavaScript in dist/ (fast to start), so
// rebuild it when any source file is newer than the build — a fresh clone is built by `npm ci` (prepare),
// an edited one here. Plain JavaScript: it must run before anything is compiled.
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

let builtAt = 0;
try {
  builtAt = statSync(built).mtimeMs;
} catch {
  builtAt = 0;
}
const sourcesAt = Math.max(newestSource(path.join(root, 'src')), statSync(path.join(root, 'tsconfig.json')).mtimeMs, statSync(path.join(root, 'tsconfig.build.json')).mtimeMs);
if (builtAt < sourcesAt) {
  process.stderr.write(builtAt === 0 ? 'building dist/ (first run)…\n' : 'src/ changed since the last build: rebuilding dist/…\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
}
