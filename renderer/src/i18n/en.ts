/** English UI texts. The shape of this object is the shape every language must have. */
export const en = {
  app: { name: 'CalmDeck', skipToCard: 'Skip to card' },
  deck: {
    step: 'Step {n} of {total}',
    progress: 'Phases of the call',
    goTo: 'Go to {title}',
    previous: 'Back',
    next: 'Next',
    phrases: 'You could say',
    reminders: 'Remember',
    escalations: 'Escalation cards',
    escalation: 'Escalation',
    escalationFrom: 'Escalation · Esc returns to {title}',
    keys: '← → move · 1 2 3 escalate · Esc back',
  },
  settings: {
    open: 'Settings',
    title: 'Settings',
    done: 'Done',
    language: 'Language',
    languageAuto: 'Automatic ({language})',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
    opacity: 'Window opacity',
    alwaysOnTop: 'Keep on top of other windows',
    desktopOnly: 'Desktop app only',
    deck: 'Deck',
    deckDefault: 'Built-in deck',
    deckImported: 'Imported {date}',
    phaseCount: '{n} phase | {n} phases',
    escalationCount: '{n} escalation card | {n} escalation cards',
    import: 'Import deck…',
    export: 'Export deck',
    reset: 'Use built-in deck',
    imported: 'Deck “{name}” imported.',
    exported: 'Deck saved as {file}.',
    resetDone: 'Back to the built-in deck.',
    importFailed: 'Deck not imported. Your current deck is unchanged.',
    saveFailed: 'Setting not saved: {message}',
  },
  notices: {
    databaseRecovered:
      'Your data file was damaged and could not be opened. It was kept as “{file}” and CalmDeck started a fresh one.',
    dismiss: 'Dismiss',
  },
  connection: {
    lost: 'Connection to CalmDeck lost. Reconnecting…',
  },
  languages: { en: 'English', nl: 'Nederlands', hr: 'Hrvatski' },
}

export type Messages = typeof en
