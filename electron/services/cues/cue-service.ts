import type { CallEvent } from '../../../shared/calls'
import { emptyCueFigures, type CallCueFigures } from '../../../shared/cues/engine'
import type { CueSummary } from '../../../shared/cues/figures'
import { CALLER_VOICE_RAISED } from '../../../shared/event-kinds'
import { AppError } from '../../../shared/result'
import type { CallService } from '../calls/call-service'
import type { Db } from '../storage/database'
import type { CallCuesRow } from '../storage/rows'

export interface CueServiceDeps {
  db: Db
  calls: CallService
}

/** A stored row as the figures the window and the reports use. */
export const toFigures = (row: CallCuesRow): CallCueFigures => ({
  durationMs: row.duration_ms,
  youMs: row.you_ms,
  callerMs: row.caller_ms,
  silenceMs: row.silence_ms,
  overlapMs: row.overlap_ms,
  talkOvers: row.talk_overs,
  callerLongestMs: row.caller_longest_ms,
  callerRaisedMs: row.caller_raised_ms,
  youRaisedMs: row.you_raised_ms,
})

/**
 * What the live call cues leave behind: the caller's raised voice as an event on the open call,
 * and each call's figures from its sound levels. No audio ever reaches the host; the window sends
 * only these.
 */
export class CueService {
  private readonly stmt

  constructor(private readonly deps: CueServiceDeps) {
    const { db } = deps
    this.stmt = {
      callExists: db.prepare<[number], { id: number }>('SELECT id FROM calls WHERE id = ?'),
      save: db.prepare(
        `INSERT INTO call_cues (call_id, duration_ms, you_ms, caller_ms, silence_ms, overlap_ms, talk_overs,
           caller_longest_ms, caller_raised_ms, you_raised_ms)
         VALUES (@callId, @durationMs, @youMs, @callerMs, @silenceMs, @overlapMs, @talkOvers,
           @callerLongestMs, @callerRaisedMs, @youRaisedMs)
         ON CONFLICT (call_id) DO UPDATE SET duration_ms = excluded.duration_ms, you_ms = excluded.you_ms,
           caller_ms = excluded.caller_ms, silence_ms = excluded.silence_ms, overlap_ms = excluded.overlap_ms,
           talk_overs = excluded.talk_overs, caller_longest_ms = excluded.caller_longest_ms,
           caller_raised_ms = excluded.caller_raised_ms, you_raised_ms = excluded.you_raised_ms`,
      ),
      forCall: db.prepare<[number], CallCuesRow>('SELECT * FROM call_cues WHERE call_id = ?'),
      summary: db.prepare<[number, number], CueSummary>(
        `SELECT count(*) AS calls, coalesce(sum(duration_ms), 0) AS durationMs, coalesce(sum(you_ms), 0) AS youMs,
           coalesce(sum(caller_ms), 0) AS callerMs, coalesce(sum(silence_ms), 0) AS silenceMs,
           coalesce(sum(overlap_ms), 0) AS overlapMs, coalesce(sum(talk_overs), 0) AS talkOvers,
           coalesce(max(caller_longest_ms), 0) AS callerLongestMs, coalesce(sum(caller_raised_ms), 0) AS callerRaisedMs,
           coalesce(sum(you_raised_ms), 0) AS youRaisedMs
         FROM call_cues JOIN calls ON calls.id = call_cues.call_id WHERE calls.started_at >= ? AND calls.started_at < ?`,
      ),
    }
  }

  /** The caller's voice was raised in call `callId` (still open): logged with origin `cues`. */
  callerRaised(callId: number): CallEvent {
    return this.deps.calls.logCue(callId, CALLER_VOICE_RAISED)
  }

  /** Stores a call's figures (a second report for the same call replaces the first). */
  save(callId: number, figures: CallCueFigures): CallCueFigures {
    this.deps.db
      .transaction(() => {
        if (!this.stmt.callExists.get(callId)) throw new AppError('not-found', 'This call does not exist.')
        this.stmt.save.run({ callId, ...figures })
      })
      .immediate()
    return figures
  }

  /** The figures of the calls that started in [from, to), added up (the longest stretch is the longest). */
  summary(from: number, to: number): CueSummary {
    // An aggregate always answers one row; the fallback only satisfies the type.
    return this.stmt.summary.get(from, to) ?? { calls: 0, ...emptyCueFigures() }
  }

  /** A call's figures, or null when cues did not follow it. */
  forCall(callId: number): CallCueFigures | null {
    const row = this.stmt.forCall.get(callId)
    return row ? toFigures(row) : null
  }
}
