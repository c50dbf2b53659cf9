/** Formats a report can be exported in. Kept free of zod so the renderer can import them. */
export const exportFormats = ['csv', 'json', 'md', 'pdf'] as const
export type ExportFormat = (typeof exportFormats)[number]
