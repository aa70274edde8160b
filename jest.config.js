/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest is transpile-only here (isolatedModules); `npm run typecheck` does the type-checking.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
  // dist/ up to date for the tests that start the compiled server as a child process (as `npm start` does).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // Generous and above every wait inside a test (those are bounded at 90 s or less, and wait on events), so a
  // busy machine makes a run slower, never red.
  testTimeout: 120_000,
};
