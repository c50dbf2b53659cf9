import { describe, expect, it } from 'vitest'
import { clampBounds, savedBoundsSchema, type Rect } from '../../electron/services/window-bounds'

const defaultSize = { width: 340, height: 520 }
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
/** A second monitor to the right of the laptop. */
const external: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

function isInside(rect: Rect, area: Rect): boolean {
  return (
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + rect.width <= area.x + area.width &&
    rect.y + rect.height <= area.y + area.height
  )
}

describe('clampBounds', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(clampBounds(undefined, defaultSize, [laptop, external])).toEqual({ x: 790, y: 260, width: 340, height: 520 })
  })

  it('keeps saved bounds that are fully visible', () => {
    const saved = { x: 2000, y: 100, width: 360, height: 600 }
    expect(clampBounds(saved, defaultSize, [laptop, external])).toEqual(saved)
  })

  it('brings bounds that are off every screen back onto the primary display', () => {
    const result = clampBounds({ x: -5000, y: 9000, width: 340, height: 520 }, defaultSize, [laptop])
    expect(isInside(result, laptop)).toBe(true)
    expect(result).toEqual({ x: 0, y: 520, width: 340, height: 520 })
  })

  it('moves a window from a monitor that was unplugged onto one that exists', () => {
    const onExternal = { x: 3000, y: 300, width: 340, height: 520 }
    const result = clampBounds(onExternal, defaultSize, [laptop])
    expect(isInside(result, laptop)).toBe(true)
    expect(result).toEqual({ x: 1580, y: 300, width: 340, height: 520 })
  })

  it('pulls a window straddling two monitors fully onto the one it overlaps most', () => {
    const straddling = { x: 1800, y: 100, width: 340, height: 520 }
    const result = clampBounds(straddling, defaultSize, [laptop, external])
    expect(isInside(result, external)).toBe(true)
    expect(result.x).toBe(1920)
  })

  it('shrinks bounds larger than the work area to fit', () => {
    const small: Rect = { x: 0, y: 30, width: 1024, height: 700 }
    const result = clampBounds({ x: -100, y: 0, width: 3000, height: 2000 }, defaultSize, [small])
    expect(result).toEqual(small)
  })

  it('respects a work area that does not start at the origin (taskbar, monitor on the left)', () => {
    const left: Rect = { x: -1280, y: 40, width: 1280, height: 984 }
    const result = clampBounds({ x: -1300, y: 0, width: 340, height: 520 }, defaultSize, [laptop, left])
    expect(result).toEqual({ x: -1280, y: 40, width: 340, height: 520 })
  })

  it('returns the input unchanged when no display is known', () => {
    const saved = { x: 10, y: 20, width: 340, height: 520 }
    expect(clampBounds(saved, defaultSize, [])).toEqual(saved)
    expect(clampBounds(undefined, defaultSize, [])).toEqual({ x: 0, y: 0, width: 340, height: 520 })
  })
})

describe('savedBoundsSchema', () => {
  it('accepts whole-pixel bounds and refuses anything else', () => {
    expect(savedBoundsSchema.safeParse({ x: -10, y: 0, width: 340, height: 520 }).success).toBe(true)
    expect(savedBoundsSchema.safeParse({ x: 0, y: 0, width: 0, height: 520 }).success).toBe(false)
    expect(savedBoundsSchema.safeParse({ x: 0.5, y: 0, width: 340, height: 520 }).success).toBe(false)
    expect(savedBoundsSchema.safeParse({ x: 0, y: 0, width: 340, height: 520, extra: 1 }).success).toBe(false)
  })
})
