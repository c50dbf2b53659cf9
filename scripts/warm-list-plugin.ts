import type { Plugin } from 'vite'

/**
 * Emits `fileName`: what the chunk holding `module` loads when it is first required, as the bundler
 * knows it (its static imports, transitively): the chunks (`chunks/…js`) and packages, each after
 * what it requires itself. The web host loads them one by one while it waits for the page
 * (electron/web/warm-up.ts). Node's built-in modules are left out; dynamic imports too.
 */
export function warmListPlugin(module: string, fileName: string): Plugin {
  return {
    name: 'calmdeck-warm-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, readonly string[]>()
      let root: string | undefined
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        chunks.set(output.fileName, output.imports)
        if (output.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(module))) root = output.fileName
      }
      // Only the build whose inputs include the module (the main process's) has the chunk.
      if (root === undefined) return
      const order: string[] = []
      const seen = new Set<string>()
      const visit = (id: string) => {
        if (seen.has(id) || id.startsWith('node:')) return
        seen.add(id)
        for (const dependency of chunks.get(id) ?? []) visit(dependency)
        order.push(id)
      }
      visit(root)
      this.emitFile({ type: 'asset', fileName, source: `${JSON.stringify(order, null, 2)}\n` })
    },
  }
}
