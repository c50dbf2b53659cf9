/** The window's views: the deck, or one panel in its place. */
export type View = 'deck' | 'settings' | 'timeline' | 'log' | 'note' | 'notes' | 'end-shift' | 'team-report'
