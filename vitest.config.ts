import { defineConfig } from 'vitest/config';

// Files that assert wall-clock bounds (acks inside 3 s, answers inside 50 ms, timers on time,
// exit inside 10 s): they run last, one at a time, so a neighbour's CPU cannot fail them.
const TIMED = [
  'test/reliability/load.test.ts',
  'test/reliability/properties.test.ts',
  'test/reliability/shutdown.test.ts',
  'test/library/large-edit.test.ts',
  'test/library/containment.test.ts',
  'test/queries/router.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/support/build-dist.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        // Vitest's default on 2 cores is one file at a time; most slow files wait on sockets,
        // timers and child processes, so two side by side keep both cores busy.
        test: { name: 'parallel', include: ['test/**/*.test.ts'], exclude: TIMED, maxWorkers: 2 },
      },
      {
        extends: true,
        test: { name: 'timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
