import type { CompositionContext, Wiring } from '../composition'
import { CueService } from './cue-service'

export interface CuesServices {
  /** What the live call cues leave: the caller's raised voice as an event, each call's figures. */
  cues: CueService
}

export function composeCues(_context: CompositionContext, app: Wiring): CuesServices {
  return { cues: new CueService({ db: app.db, calls: app.calls }) }
}
