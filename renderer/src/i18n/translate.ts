/**
 * The part of vue-i18n the window uses — `t(key)`, `t(key, named)`, `t(key, named, count)` —
 * over messages precompiled at build time into message functions (scripts/ui-messages-plugin.ts).
 * The functions are the ones @intlify/message-compiler emits; this supplies their context.
 */

/** A precompiled message: `(ctx) => string`; a text with no values, links or plural forms stays a string. */
export type MessageFunction = (context: MessageContext) => string
export type CompiledMessage = MessageFunction | string
export type CompiledTree = { [key: string]: CompiledMessage | CompiledTree }
export type Named = Record<string, unknown>
/** Index of the plural form for `count` among `forms` forms. */
export type PluralRule = (count: number, forms: number) => number

export interface MessageContext {
  normalize: (parts: unknown[]) => string
  interpolate: (value: unknown) => string
  named: (key: string) => unknown
  list: (index: number) => unknown
  plural: (forms: string[]) => string
}

/** As vue-i18n shows a value: nothing for null/undefined, JSON for arrays and plain objects. */
function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value) || (typeof value === 'object' && value.toString === Object.prototype.toString)) {
    return JSON.stringify(value, null, 2)
  }
  return String(value)
}

function lookupNode(tree: CompiledTree | undefined, key: string): CompiledTree | CompiledMessage | undefined {
  let node: CompiledTree | CompiledMessage | undefined = tree
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined
    node = node[part]
  }
  return node
}

function lookup(tree: CompiledTree | undefined, key: string): CompiledMessage | undefined {
  const node = lookupNode(tree, key)
  return typeof node === 'object' ? undefined : node
}

/** The texts of a list in the catalog (e.g. `about.kept`, an array there), in order; [] when there is none. */
export function translateList(tree: CompiledTree | undefined, rule: PluralRule, key: string): string[] {
  const node = lookupNode(tree, key)
  if (!node || typeof node !== 'object') return []
  return Object.keys(node)
    .filter((index) => /^\d+$/.test(index))
    .sort((a, b) => Number(a) - Number(b))
    .map((index) => translate(tree, rule, `${key}.${index}`))
}

/**
 * The text for `key`, or the key itself when there is none (as vue-i18n does). The plural form
 * follows the named `count`, else the named `n`, else `count` (vue-i18n's order).
 */
export function translate(
  tree: CompiledTree | undefined,
  rule: PluralRule,
  key: string,
  named: Named = {},
  count?: number,
): string {
  const message = lookup(tree, key)
  if (message === undefined) return key
  if (typeof message === 'string') return message
  const index = typeof named.count === 'number' ? named.count : typeof named.n === 'number' ? named.n : (count ?? -1)
  const values: Named = { ...named }
  if (typeof count === 'number') {
    values.count ||= count
    values.n ||= count
  }
  const list = Array.isArray(named) ? (named as unknown[]) : []
  return message({
    normalize: (parts) => parts.join(''),
    interpolate: display,
    named: (name) => values[name],
    list: (position) => list[position],
    plural: (forms) => forms[rule(index, forms.length)] ?? '',
  })
}
