import { beforeAll, describe, expect, it } from 'vitest'
import { runDialogue, scoreRuns, type DialogueRun, type KindScore } from '../../helpers/cue-evaluation'
import { buildDialogue } from '../../helpers/dialogues/build'
import { DIALOGUES } from '../../helpers/dialogues/dialogues'
import { fvadModule } from '../../helpers/fvad-module'

/**
 * The whole per-frame pipeline (analyser → fvad → rules) on every test dialogue, scored against
 * the dialogues' true cues: per cue kind precision, recall and the latency beyond the rule's hold.
 */

let runs: DialogueRun[] = []
let scores: KindScore[] = []

beforeAll(() => {
  const fvad = fvadModule()
  runs = DIALOGUES.map(({ recipe }) => runDialogue(buildDialogue(recipe), fvad, 2))
  scores = scoreRuns(runs)
  console.log(JSON.stringify(scores))
}, 300_000)

const score = (kind: KindScore['kind']) => {
  const found = scores.find((s) => s.kind === kind)
  if (!found) throw new Error(`no score for ${kind}`)
  return found
}

describe('cues on the test dialogues (fvad mode 2)', () => {
  it('raises no cue in the dialogues built to call for none', () => {
    const quiet = DIALOGUES.filter((d) => d.expect.length === 0).map((d) => d.recipe.name)
    const raised = runs.filter((run) => quiet.includes(run.name) && run.hits.length > 0)
    expect(raised.map((run) => `${run.name}: ${run.hits.map((h) => h.kind).join(', ')}`)).toEqual([])
  })

  /**
   * Median latency beyond the hold: the budget is 400 ms; your own raised voice is counted over a
   * longer window (thresholds.ts) and comes at 600 ms on these dialogues, so it gets 1 s.
   */
  const latencyBudgetMs: Record<KindScore['kind'], number> = {
    'let-them-finish': 400,
    'caller-raised': 400,
    venting: 400,
    'keep-level': 1_000,
  }

  for (const kind of ['let-them-finish', 'keep-level', 'caller-raised', 'venting'] as const) {
    it(`${kind}: precision and recall ≥ 0.9, median latency beyond the hold ≤ ${latencyBudgetMs[kind]} ms`, () => {
      const { precision, recall, medianLatencyMs, expected } = score(kind)
      expect(expected).toBeGreaterThanOrEqual(3)
      expect(precision).toBeGreaterThanOrEqual(0.9)
      expect(recall).toBeGreaterThanOrEqual(0.9)
      expect(medianLatencyMs).not.toBeNull()
      expect(medianLatencyMs ?? Infinity).toBeLessThanOrEqual(latencyBudgetMs[kind])
    })
  }
})
