import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { checkEndpointUrl, maskEndpointUrl } from '../../../electron/services/team/endpoint-url'
import { classify, httpPost, parseRetryAfter } from '../../../electron/services/team/post'

describe('what an answer means for a message', () => {
  it('retries 408, 429 and 5xx; fails other 4xx and redirects; delivers 2xx', () => {
    expect(classify(204, null, 0)).toEqual({ type: 'sent' })
    expect(classify(503, '7', 0)).toEqual({ type: 'retry', reason: 'HTTP 503', retryAfterMs: 7000 })
    expect(classify(408, null, 0)).toMatchObject({ type: 'retry', retryAfterMs: null })
    expect(classify(429, null, 0)).toMatchObject({ type: 'retry', reason: 'HTTP 429' })
    expect(classify(400, null, 0)).toEqual({ type: 'failed', reason: 'HTTP 400' })
    expect(classify(410, null, 0)).toEqual({ type: 'failed', reason: 'HTTP 410' })
    expect(classify(302, null, 0)).toEqual({ type: 'failed', reason: 'HTTP 302 (redirect not followed)' })
  })

  it('reads Retry-After as seconds or an HTTP date, capped at an hour', () => {
    const now = Date.parse('2026-12-01T10:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('999999', now)).toBe(3_600_000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })

  it('gives up on a receiver that never answers after the timeout, as worth retrying', async () => {
    const server = http.createServer(() => {})
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const post = httpPost({ timeoutMs: 200 })
      const started = Date.now()
      const outcome = await post({ url: `http://127.0.0.1:${port}/x`, body: '{}', headers: {} })
      expect(outcome).toEqual({ type: 'retry', reason: 'timed out', retryAfterMs: null })
      expect(Date.now() - started).toBeLessThan(5000)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('the channel URL rule', () => {
  it('takes https anywhere and http only on this computer', () => {
    expect(checkEndpointUrl('https://hooks.slack.com/services/T/B/X').host).toBe('hooks.slack.com')
    for (const ok of ['http://127.0.0.1:9/x', 'http://[::1]:9/x', 'http://localhost/x']) {
      expect(() => checkEndpointUrl(ok), ok).not.toThrow()
    }
    for (const bad of [
      'http://10.0.0.5/x',
      'http://127.0.0.1.example.org/x',
      'file:///etc/passwd',
      'https://a:b@x.org/',
    ]) {
      expect(() => checkEndpointUrl(bad), bad).toThrow()
    }
  })

  it('masks to scheme and host', () => {
    expect(maskEndpointUrl('https://hooks.slack.com/services/T0/B0/secret')).toBe('https://hooks.slack.com/…')
    expect(maskEndpointUrl('not a url')).toBe('…')
  })
})
