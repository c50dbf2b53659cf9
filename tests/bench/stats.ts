/** Percentile by nearest rank of an unsorted sample (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

export const median = (values: readonly number[]) => percentile(values, 50)

/** Prints one benchmark figure as a JSON line: `{"name":…,"value":…,"unit":…}`. */
export function report(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...extra }))
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6
