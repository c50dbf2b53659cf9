import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pageFirst } from '../../../electron/web/page-first'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

async function isOpen(gate: { opened: Promise<void> }): Promise<boolean> {
  let open = false
  void gate.opened.then(() => (open = true))
  await vi.advanceTimersByTimeAsync(0)
  return open
}

describe('pageFirst', () => {
  it('holds the work back until the first page is served', async () => {
    const gate = pageFirst(150)
    expect(await isOpen(gate)).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    expect(await isOpen(gate)).toBe(false)
    gate.served()
    expect(await isOpen(gate)).toBe(true)
  })

  it('lets it run anyway when no page comes', async () => {
    const gate = pageFirst(150)
    await vi.advanceTimersByTimeAsync(149)
    expect(await isOpen(gate)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await isOpen(gate)).toBe(true)
    gate.served()
    expect(await isOpen(gate)).toBe(true)
  })
})
