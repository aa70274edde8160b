/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest is transpile-only here (isolatedModules); `npm run typecheck` does the type-checking.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
  // Generous and above every wait inside a test (those are bounded at 90 s or less, and wait on events), so a
  // busy machine makes a run slower, never red.
  testTimeout: 120_000,
};
