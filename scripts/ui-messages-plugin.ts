import { baseCompile } from '@intlify/message-compiler'
import fs from 'node:fs'
import vm from 'node:vm'
import ts from 'typescript'
import type { Plugin } from 'vite'

/** The window's catalogs: `shared/i18n/<lang>/ui.ts`. */
const CATALOG = /[\\/]shared[\\/]i18n[\\/][a-z]{2}[\\/]ui\.ts$/

type Tree = { [key: string]: string | Tree }

/** One vue-i18n message as the source of a message function (what vue-i18n's runtime-only build runs). */
export function compileMessage(message: string, where: string): string {
  const errors: string[] = []
  const { code } = baseCompile(message, { mode: 'arrow', jit: false, onError: (error) => errors.push(error.message) })
  if (errors.length > 0) throw new Error(`${where}: ${errors.join('; ')}`)
  return code
}

/**
 * Text with none of the message syntax (`{…}` values, `@:` links, `|` plural forms) stays a
 * string: vue-i18n shows it as it is, and a string is about a fifth of the size of its message
 * function for the window to load and parse.
 */
function isPlainText(message: string): boolean {
  return !/[{}@|]/.test(message)
}

function compileTree(tree: Tree, where: string): string {
  const entries = Object.entries(tree).map(([key, value]) => {
    const path = `${where}.${key}`
    const compiled =
      typeof value !== 'string'
        ? compileTree(value, path)
        : isPlainText(value)
          ? JSON.stringify(value)
          : compileMessage(value, path)
    return `${JSON.stringify(key)}: ${compiled}`
  })
  return `{${entries.join(',\n')}}`
}

/**
 * A catalog module (TypeScript, plain object literals, type-only imports) turned into one whose
 * texts are message functions (or plain strings where a text has no message syntax), so the renderer ships no message compiler and needs no
 * `unsafe-eval`. The catalogs' content stays as it is: this runs at build time only.
 */
export function compileCatalog(source: string, file: string): string {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText
  const module = { exports: {} as Record<string, unknown> }
  const require = (name: string) => {
    throw new Error(`${file}: a catalog may import types only (found ${name})`)
  }
  vm.runInNewContext(js, { module, exports: module.exports, require }, { filename: file })
  const exports = Object.entries(module.exports).filter(([name]) => name !== '__esModule')
  return exports.map(([name, tree]) => `export const ${name} = ${compileTree(tree as Tree, name)}\n`).join('')
}

/** Vite plugin: the renderer's build imports the catalogs precompiled. */
export function uiMessagesPlugin(): Plugin {
  return {
    name: 'calmdeck-ui-messages',
    enforce: 'pre',
    load(id) {
      if (!CATALOG.test(id)) return null
      return compileCatalog(fs.readFileSync(id, 'utf8'), id)
    },
  }
}
