// Stand-in for the 'server-only' package in Node tests (see vitest.config.ts).
export {};
