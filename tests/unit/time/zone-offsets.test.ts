import { tzOffset } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { SLOT_MS, zoneOffsets } from '../../../electron/services/time/zone-offsets'
import { changeHours } from '../../helpers/intl-time'

const at = (text: string) => Date.parse(text)
const exact = (zone: string, ms: number) => tzOffset(zone, new Date(ms))

describe('zoneOffsets', () => {
  it.each([
    ['Europe/Amsterdam', '2026-03-29T01:00:00Z', 60, 120],
    ['Europe/Amsterdam', '2026-10-25T01:00:00Z', 120, 60],
    ['America/St_Johns', '2026-03-08T05:30:00Z', -210, -150],
    ['America/St_Johns', '2026-11-01T04:30:00Z', -150, -210],
    ['Australia/Adelaide', '2026-04-04T16:30:00Z', 630, 570],
    ['Australia/Adelaide', '2026-10-03T16:30:00Z', 570, 630],
  ])('%s changes at exactly %s', (zone, change, before, after) => {
    const offsets = zoneOffsets(zone)
    // Asked from after the change first, so a cached neighbour cannot hide a wrong slot.
    expect(offsets(at(change))).toBe(after)
    expect(offsets(at(change) - 1)).toBe(before)
    expect(offsets(at(change) - SLOT_MS)).toBe(before)
    expect(offsets(at(change) + SLOT_MS - 1)).toBe(after)
  })

  it('agrees with the uncached library minute by minute around every change in 2024–2028, in any order', () => {
    for (const zone of ['Europe/Amsterdam', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Kolkata']) {
      const forward = zoneOffsets(zone)
      const backward = zoneOffsets(zone)
      const hours = changeHours(zone, at('2024-01-01T00:00:00Z'), at('2029-01-01T00:00:00Z'))
      expect(hours.length).toBe(zone === 'Asia/Kolkata' ? 0 : 10)
      for (const hour of hours) {
        const instants = Array.from({ length: 3 * 60 * 4 }, (_, i) => hour - 3_600_000 + i * 15_000 + (i % 7))
        const expected = instants.map((ms) => exact(zone, ms))
        expect(instants.map(forward)).toEqual(expected)
        expect([...instants].reverse().map(backward).reverse()).toEqual(expected)
      }
    }
  })

  it('finds a change that is not on a quarter hour (Monrovia, 1972: −00:44:30 → UTC at 00:44:30 UTC)', () => {
    const offsets = zoneOffsets('Africa/Monrovia')
    const change = at('1972-01-07T00:44:30Z')
    expect(offsets(change)).toBe(0)
    expect(offsets(change - 1)).not.toBe(0)
    expect(offsets(change - 1)).toBe(exact('Africa/Monrovia', change - 1))
    expect(offsets(change - 15 * 60_000)).toBe(exact('Africa/Monrovia', change - 1))
  })
})
