import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { report } from './stats'

const RENDERER = path.resolve(__dirname, '../../out/renderer')

/**
 * Gzipped size of the JavaScript the first card needs: the entry script, its modulepreloads and
 * the one language chunk the window loads at start (the largest of them, `ui-*.js`). The views
 * loaded after the first card are not counted.
 */
export function benchInitialJs(): void {
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(RENDERER, file))).length
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  )
  const entry = scripts.reduce((sum, src) => sum + gzip(src), 0)
  const languages = fs
    .readdirSync(path.join(RENDERER, 'assets'))
    .filter((file) => /^ui-.*\.js$/.test(file))
    .map((file) => gzip(path.join('assets', file)))
  const language = Math.max(0, ...languages)
  report('renderer.initial_js_gzip_kb', (entry + language) / 1024, 'KB', {
    files: scripts.length + 1,
    language_kb: Math.round((language / 1024) * 10) / 10,
    budget_kb: 60,
  })
}
