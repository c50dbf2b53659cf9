import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { uiMessagesPlugin } from './scripts/ui-messages-plugin'
import { warmListPlugin } from './scripts/warm-list-plugin'

export default defineConfig({
  main: {
    // What the services' chunk loads, in order: the web host loads it while the page loads.
    plugins: [warmListPlugin('/electron/services/app-services.ts', 'warm-services.json')],
    build: {
      outDir: 'out/main',
      // zod is bundled: its unused parts (e.g. every language's error messages) are left out, which
      // the web host and the app would otherwise load on every start (~25 ms of ~50).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        // The Electron main process and the web host share one build of the services.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The app's entry (package.json `main`): turns the compile cache on, then loads index.js.
          boot: resolve(__dirname, 'electron/main/boot.ts'),
          // The web host: its entry turns the compile cache on, then loads the host (cli.ts).
          web: resolve(__dirname, 'electron/web/start.ts'),
          // `calmdeck-event` (bin/calmdeck-event.cjs): loads only what it needs, to exit fast.
          'calmdeck-event': resolve(__dirname, 'electron/cli/calmdeck-event.ts'),
          // `npm run export`: the incident report on the command line (read-only on the data).
          export: resolve(__dirname, 'electron/cli/export.ts'),
          // `npm run team-report`: a lead's figures across a team folder of shift files.
          'team-report': resolve(__dirname, 'electron/cli/team-report.ts'),
          // `npm run policy`: the machine policy in force, as JSON (chrome://policy for IT).
          policy: resolve(__dirname, 'electron/cli/policy.ts'),
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
    // The catalogs arrive as message functions: no message compiler in the window (CSP: no eval).
    plugins: [uiMessagesPlugin(), vue()],
    define: {
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    resolve: {
      alias: {
        '@shared': resolve(__dirname, 'shared'),
        // Components import `useI18n` from vue-i18n; the window gets the small runtime that runs
        // the precompiled texts (renderer/src/i18n), without vue-i18n's runtime or compiler.
        'vue-i18n': resolve(__dirname, 'renderer/src/i18n/index.ts'),
      },
    },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves output unminified by default; the renderer is loaded on every start.
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        output: {
          // Each language's texts as `ui-<lang>-<hash>.js`: the web host preloads the page's own
          // with the page (electron/web/page-first.ts).
          chunkFileNames: (chunk) => {
            const locale = /shared\/i18n\/(\w+)\/ui\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1]
            return locale ? `assets/ui-${locale}-[hash].js` : 'assets/[name]-[hash].js'
          },
        },
      },
    },
  },
})
