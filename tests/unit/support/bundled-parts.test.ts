import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundledParts } from '../../../shared/about'
import { packageName } from '../../helpers/bundle-requires'

const root = path.resolve(__dirname, '../../..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}
const listed = new Map(bundledParts.map((part) => [part.name, part.license]))

/** The packages the window's code imports (built into the renderer bundle). */
function rendererImports(dir = path.join(root, 'renderer/src')): Set<string> {
  const found = new Set<string>()
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) rendererImports(file).forEach((name) => found.add(name))
    else if (/\.(ts|vue)$/.test(entry.name)) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bfrom '([^'.@][^']*|@[a-z][^']*)'/g)) {
        const id = match[1] as string
        if (!id.startsWith('@shared')) found.add(packageName(id))
      }
    }
  }
  return found
}

describe('About → licences of bundled parts', () => {
  it('lists every runtime dependency and every library built into the window', () => {
    const needed = [...Object.keys(pkg.dependencies), ...rendererImports()]
    expect(needed).toContain('vue')
    expect(needed.filter((name) => !listed.has(name))).toEqual([])
  })

  it('names each package with the licence its package.json declares', () => {
    for (const [name, license] of listed) {
      const file = path.join(root, 'node_modules', name, 'package.json')
      if (!fs.existsSync(file)) continue // Chromium, Node.js, SQLite, the fonts: not npm packages
      expect((JSON.parse(fs.readFileSync(file, 'utf8')) as { license?: string }).license, name).toBe(license)
    }
    expect(fs.readFileSync(path.join(root, 'resources/fonts/LICENSE-DejaVu.txt'), 'utf8')).toMatch(/Bitstream Vera/)
  })
})
