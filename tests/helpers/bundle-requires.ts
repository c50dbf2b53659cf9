import fs from 'node:fs'
import { isBuiltin } from 'node:module'
import path from 'node:path'

/** What a set of built entry files loads at run time. */
export interface BundleGraph {
  /** Every local file reached (absolute paths), entries included. */
  files: Set<string>
  /** Bare module ids (`pdfkit`, `csv-stringify/sync`) → the files that load them. */
  modules: Map<string, Set<string>>
}

// `require("x")`, `createRequire(…)("x")` (the call is then `)("x")`) and workers' `new URL("./x", …)`.
const REQUIRE = /(?:\brequire|\))\(\s*(["'])([^"'\n]+)\1\s*\)/g
const WORKER_URL = /new URL\(\s*(["'])(\.{1,2}\/[^"'\n]+)\1/g

/** The module ids a CommonJS bundle's source loads, in order of appearance. */
export function requiredIds(source: string): string[] {
  const ids: string[] = []
  for (const match of source.matchAll(REQUIRE)) {
    // `)("x")` counts only as the call of a `createRequire(…)`, not e.g. `(0, crypto.createHash)("sha256")`.
    const viaCall = match[0].startsWith(')')
    if (viaCall && !/createRequire\)?\([^()]*\)$/.test(source.slice(Math.max(0, match.index - 200), match.index + 1))) {
      continue
    }
    ids.push(match[2] as string)
  }
  for (const match of source.matchAll(WORKER_URL)) ids.push(match[2] as string)
  return ids
}

/** The npm package a bare module id belongs to: `@date-fns/tz`, `csv-stringify` for `csv-stringify/sync`. */
export function packageName(id: string): string {
  const parts = id.split('/')
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string)
}

/** Follows relative requires from `entries`; Node built-ins (`fs`, `node:fs`) are left out. */
export function walkBundles(entries: readonly string[]): BundleGraph {
  const graph: BundleGraph = { files: new Set(), modules: new Map() }
  const queue = entries.map((entry) => path.resolve(entry))
  while (queue.length > 0) {
    const file = queue.shift() as string
    if (graph.files.has(file)) continue
    graph.files.add(file)
    for (const id of requiredIds(fs.readFileSync(file, 'utf8'))) {
      if (id.startsWith('.')) queue.push(resolveLocal(path.dirname(file), id))
      else if (!isBuiltin(id)) {
        const users = graph.modules.get(id) ?? new Set<string>()
        users.add(file)
        graph.modules.set(id, users)
      }
    }
  }
  return graph
}

function resolveLocal(dir: string, id: string): string {
  const target = path.resolve(dir, id)
  return fs.existsSync(target) || path.extname(target) ? target : `${target}.js`
}
