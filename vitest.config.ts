import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser, crash and Workers suites start real processes; running files in parallel on a
    // 2-core machine makes their timings flaky, so files run one at a time.
    fileParallelism: false,
  },
});
