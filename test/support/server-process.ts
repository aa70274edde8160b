// How the tests that run the server as a child process start it: as `npm start` does (package.json), the compiled
// dist/main.js with the same node flags. test/support/global-setup.js has brought dist/ up to date.
export const SERVER_ARGS: readonly string[] = ['--max-semi-space-size=64', 'dist/main.js'];
