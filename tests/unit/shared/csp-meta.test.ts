import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp'

/**
 * The window's page carries the policy twice: as the hosts' header (shared/csp.ts) and as a
 * <meta> in renderer/index.html (for a page opened without the header). The browser enforces both,
 * so the stricter wins: a directive the header allows but the meta lacks (e.g. 'wasm-unsafe-eval'
 * for the cues' voice detector) is refused. The two must say the same.
 */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values.join(' ')]),
  )
}

describe('the CSP <meta> in renderer/index.html', () => {
  const html = fs.readFileSync(path.resolve(__dirname, '../../../renderer/index.html'), 'utf8')
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]

  it('says what the hosts’ header says (frame-ancestors aside: a meta cannot carry it)', () => {
    expect(meta).toBeDefined()
    const header = directives(CONTENT_SECURITY_POLICY)
    header.delete('frame-ancestors')
    expect(directives(meta ?? '')).toEqual(header)
  })

  it('allows compiling WebAssembly but never eval', () => {
    expect(directives(meta ?? '').get('script-src')).toBe("'self' 'wasm-unsafe-eval'")
  })
})
