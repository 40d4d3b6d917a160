import { defineConfig } from "vitest/config";

// Integration and CLI tests start servers and child processes: keep parallelism within 2 cores.
export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    reporters: ["default"],
  },
});
