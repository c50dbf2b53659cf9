import type { CompositionContext, Wiring } from '../composition'
import { NoteService } from './note-service'

export interface NotesServices {
  notes: NoteService
}

export function composeNotes({ now }: CompositionContext, app: Wiring): NotesServices {
  return { notes: new NoteService(app.db, now) }
}
