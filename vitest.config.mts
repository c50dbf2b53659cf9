import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The renderer's stores import `@shared/...`, as in electron.vite.config.ts.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Generous: tests wait for states (tests/helpers/wait-for.ts), and a busy machine is only slower.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
