import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The Electron main process and the web host share one build of the services.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          web: resolve(__dirname, 'electron/web/cli.ts'),
          // `calmdeck-event` (bin/calmdeck-event.cjs): loads only what it needs, to exit fast.
          'calmdeck-event': resolve(__dirname, 'electron/cli/calmdeck-event.ts'),
          // `npm run export`: the incident report on the command line (read-only on the data).
          export: resolve(__dirname, 'electron/cli/export.ts'),
          // `npm run team-report`: a lead's figures across a team folder of shift files.
          'team-report': resolve(__dirname, 'electron/cli/team-report.ts'),
        },
        output: { format: 'cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue()],
    define: {
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      __INTLIFY_JIT_COMPILATION__: 'true',
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __VUE_I18N_FULL_INSTALL__: 'false',
      __VUE_I18N_LEGACY_API__: 'false',
    },
    resolve: {
      alias: { '@shared': resolve(__dirname, 'shared') },
    },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves output unminified by default; the renderer is loaded on every start.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
