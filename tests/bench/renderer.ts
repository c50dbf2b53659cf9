import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { report } from './stats'

const RENDERER = path.resolve(__dirname, '../../out/renderer')

/** Gzipped size of the JavaScript the first page loads: its entry script and modulepreloads. */
export function benchInitialJs(): void {
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  )
  const bytes = scripts.reduce((sum, src) => sum + zlib.gzipSync(fs.readFileSync(path.join(RENDERER, src))).length, 0)
  report('renderer.initial_js_gzip_kb', bytes / 1024, 'KB', { files: scripts.length })
}
