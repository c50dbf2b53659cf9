import { describe, expect, it } from 'vitest'
import { noteItemCounts } from '../../../shared/note-items'

const item = (kind: 'promise' | 'follow-up', done: boolean) => ({ kind, done })

describe('noteItemCounts', () => {
  it('counts what was logged and is not listed as unlisted and open', () => {
    expect(noteItemCounts(['promise', 'promise', 'follow-up'], [item('promise', true)])).toEqual({
      unlisted: { promise: 1, 'follow-up': 1 },
      open: { promise: 1, 'follow-up': 1 },
    })
  })

  it("counts a note's open items however many were logged, and never less than nothing unlisted", () => {
    expect(
      noteItemCounts(['follow-up'], [item('follow-up', false), item('follow-up', true), item('promise', false)]),
    ).toEqual({ unlisted: { promise: 0, 'follow-up': 0 }, open: { promise: 1, 'follow-up': 1 } })
    expect(noteItemCounts([], [])).toEqual({
      unlisted: { promise: 0, 'follow-up': 0 },
      open: { promise: 0, 'follow-up': 0 },
    })
  })
})
