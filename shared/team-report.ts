import { z } from 'zod'
import { exportFormats } from './export-formats'
import { APP_LOCALES } from './locales'
import { skipReasons, teamFigureKeys, type TeamFigureKey } from './team-figures'

export * from './team-figures'

const figuresSchema = z.strictObject(
  Object.fromEntries(teamFigureKeys.map((key) => [key, z.number().nonnegative()])) as Record<
    TeamFigureKey,
    z.ZodNumber
  >,
)

/** A group's figures, or the fact that its agents are too few to show them. */
export const teamCellSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('figures'), agents: z.number().int(), figures: figuresSchema }),
  z.strictObject({ kind: z.literal('fewer-than-5') }),
  z.strictObject({ kind: z.literal('withheld') }),
])

export const teamPeriodSchema = z.strictObject({
  period: z.string(),
  named: z.array(z.strictObject({ name: z.string(), cell: teamCellSchema })),
  others: teamCellSchema.nullable(),
  total: teamCellSchema,
})

const teamRangeSchema = z
  .strictObject({
    folder: z.string().trim().min(1, 'choose the team folder').max(1000),
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
  })
  .refine((range) => range.to > range.from, { message: '"to" must be after "from"', path: ['to'] })

/** `team-report:preview`: the team folder and the period. */
export const teamReportPreviewRequestSchema = teamRangeSchema

/** What the panel shows: per week (the days are in the written report), and the skipped files. */
export const teamReportPreviewSchema = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  shifts: z.number().int(),
  agents: z.number().int(),
  files: z.number().int(),
  weeks: z.array(teamPeriodSchema),
  skipped: z.array(z.strictObject({ file: z.string(), reason: z.enum(skipReasons) })),
})

/** `team-report:write`: the report for the period, written into `out` (a folder). */
export const teamReportWriteRequestSchema = z.strictObject({
  folder: z.string().trim().min(1, 'choose the team folder').max(1000),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  format: z.enum(exportFormats),
  out: z.string().trim().min(1, 'choose a folder').max(1000),
  force: z.boolean().optional(),
  language: z.enum(APP_LOCALES).optional(),
})

export type TeamReportPreview = z.infer<typeof teamReportPreviewSchema>
export type TeamReportWriteRequest = z.infer<typeof teamReportWriteRequestSchema>
