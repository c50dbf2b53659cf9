/** One error as support may see it: where and what kind, never its message (it may echo user data). */
export interface ErrorRecord {
  at: number
  /** Where it happened, e.g. `internal error on notes:save`. */
  where: string
  /** `SqliteError (SQLITE_FULL)`, `TypeError`… */
  name: string
}

/** Names an error for logs without its message, which could echo user data. */
export function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'string' ? `${error.name} (${code})` : error.name
  }
  return typeof error
}

/**
 * The last few errors the host logged, by name, for the Diagnostics export. Sits in the host's
 * log path: `note` returns the log line, so what support sees is exactly what was logged.
 */
export class ErrorRing {
  private readonly records: ErrorRecord[] = []

  constructor(
    private readonly now: () => number,
    private readonly size = 20,
  ) {}

  note(where: string, error: unknown): string {
    const record = { at: this.now(), where, name: errorName(error) }
    this.records.push(record)
    if (this.records.length > this.size) this.records.shift()
    return `${where}: ${record.name}`
  }

  /** Oldest first. */
  recent(): ErrorRecord[] {
    return this.records.map((record) => ({ ...record }))
  }
}
