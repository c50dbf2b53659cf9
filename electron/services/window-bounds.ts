import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

/** Window bounds as remembered in the key-value store. */
export const savedBoundsSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})

/**
 * Where to put the window now: the saved bounds moved (and shrunk if needed) so they are fully
 * visible on one display's work area — the one they overlap most, else the first (primary) one.
 * Without saved bounds, the default size centred on the first work area. Pure: the caller passes
 * the work areas that exist now (primary first), so a monitor unplugged since the last run is
 * handled. With no work area at all, the input is returned as is.
 */
export function clampBounds(saved: Rect | undefined, defaultSize: Size, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0]
  if (!primary) return saved ?? { x: 0, y: 0, ...defaultSize }
  if (!saved) return centre(fit(defaultSize, primary), primary)

  const area = largestOverlap(saved, workAreas) ?? primary
  const size = fit(saved, area)
  return {
    x: clamp(saved.x, area.x, area.x + area.width - size.width),
    y: clamp(saved.y, area.y, area.y + area.height - size.height),
    ...size,
  }
}

function fit(size: Size, area: Rect): Size {
  return { width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) }
}

function centre(size: Size, area: Rect): Rect {
  return {
    x: area.x + Math.floor((area.width - size.width) / 2),
    y: area.y + Math.floor((area.height - size.height) / 2),
    ...size,
  }
}

/** The work area sharing the most pixels with `rect`, or undefined when it is on none of them. */
function largestOverlap(rect: Rect, areas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined
  let bestOverlap = 0
  for (const area of areas) {
    const overlap = overlapArea(rect, area)
    if (overlap > bestOverlap) {
      best = area
      bestOverlap = overlap
    }
  }
  return best
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
