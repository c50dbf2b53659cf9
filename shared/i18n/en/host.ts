/** English host texts: tray, notifications and the report. Their shape is the shape every language must have. */
export const en = {
  /** The tray icon's tooltip and menu. */
  tray: {
    tooltip: 'CalmDeck',
    show: 'Show',
    hide: 'Hide',
    quit: 'Quit',
  },
  /** The recovery break's notification and tray countdown; {time} is e.g. "4 min". */
  recovery: {
    over: 'Your recovery break is over. Welcome back.',
    left: 'recovery break, {time} left',
  },
  /** Every text a rendered report uses (Markdown, PDF, CSV labels). */
  report: {
    title: 'End-of-shift incident report',
    range: 'Period',
    timeZone: 'Time zone',
    generated: 'Generated',
    redactedNote: 'Phone numbers and e-mail addresses are masked in this report.',
    emptyRange: 'No calls and no incidents were recorded in this period.',
    summary: 'Summary',
    remark: 'Closing remark',
    timeline: 'Timeline',
    legendCall: 'Call',
    legendHard: 'Hard call',
    legendBoundary: 'Boundary warning',
    legendAbuse: 'Ended for abuse',
    legendSupervisor: 'Supervisor',
    calls: 'Calls',
    hardCalls: 'Hard calls',
    talkTime: 'Total talk time',
    boundaryWarnings: 'Boundary warnings',
    abuseEnds: 'Calls ended for abuse',
    supervisorHandovers: 'Supervisor handovers',
    promisesOpen: 'Promises open',
    followUpsOpen: 'Follow-ups open',
    recoveryBreaks: 'Recovery breaks taken',
    walkIns: 'Walk-in incidents',
    cueCalls: 'Calls followed by sound levels',
    callerRaisedTotal: 'Caller louder than usual',
    soundLevels: 'Sound levels',
    soundLevelsNote:
      "Measured from sound levels only: no words, no recording. Talk share in % of the time listened to. Louder: seconds above that person's usual voice in the call.",
    talkOversNote: 'Talked over: times you started speaking while the caller spoke and both went on.',
    talkShare: 'Talk share',
    shareYou: 'You',
    shareCaller: 'Caller',
    shareSilence: 'Silence',
    talkOvers: 'Talked over',
    callerLongest: "Caller's longest stretch",
    callerRaised: 'Caller louder',
    youRaised: 'You louder',
    seconds: (n: number): string => `${n} s`,
    percent: (n: number): string => `${n} %`,
    hardCallsSection: 'Hard calls in full',
    otherCallsSection: 'Other calls',
    walkInsSection: 'Incidents without a call',
    noOtherCalls: 'None.',
    start: 'Start',
    end: 'End',
    duration: 'Duration',
    caller: 'Caller',
    direction: 'Direction',
    inbound: 'inbound',
    outbound: 'outbound',
    unknownCaller: 'number not stored',
    inProgress: 'in progress',
    events: 'Events',
    time: 'Time',
    event: 'Event',
    note: 'Note',
    noNote: 'No note was written for this call.',
    whatHappened: 'What happened',
    callerWants: 'What the caller wants',
    resolved: 'What was resolved',
    freeText: 'Notes',
    promisesAndFollowUps: 'Promises and follow-ups',
    promise: 'Promise',
    followUp: 'Follow-up',
    due: 'due',
    done: 'done',
    open: 'open',
    call: 'Call',
    page: (n: number, total: number): string => `Page ${n} of ${total}`,
    recoveryValue: (count: number, minutes: string): string => `${count} (${minutes})`,
    eventCount: (n: number): string => (n === 1 ? '1 event' : `${n} events`),
  },
  /** `calmdeck policy` (`npm run policy`, the packaged app's `--print-policy`): usage and messages. */
  policyCli: {
    usage: `Usage: npm run policy -- [--registry] [--policy <file>]
       CalmDeck --print-policy [--registry] [--policy <file>]

Prints the machine policy CalmDeck applies, as JSON: each entry with where it came from (the
policy file or the Windows registry) and whether the agent can change it, what is locked, and
every problem with its path.
  --registry  also read HKLM\\Software\\Policies\\CalmDeck off Windows (through a "reg" on PATH)
  --policy    this policy file instead of the machine's
Exit status: 0 no problems, 1 printed with problems, 2 wrong arguments.`,
    wrongArguments: (detail: string): string => `calmdeck policy: wrong arguments (${detail})`,
    failed: 'calmdeck policy: the policy could not be read.',
  },
  /** Messages to the team channel (Teams, Slack); {agent} is the display name from Settings. */
  team: {
    helpTitle: (agent: string): string => `${agent} asks for help`,
    time: 'Time',
    callRunning: 'Call running',
    noCall: 'no call open',
    hardCall: 'Hard call',
    yes: 'yes',
    no: 'no',
    flags: 'Flags',
    noFlags: 'none',
    trigger: 'Asked by',
    triggerAgent: 'the agent',
    triggerSupervisor: 'a "supervisor requested" event',
    message: 'Message',
    note: 'Note (shared by the agent)',
    summaryTitle: (agent: string): string => `Shift summary: ${agent}`,
    period: 'Shift',
    calls: 'Calls',
    hardCalls: 'Hard calls',
    boundaryWarnings: 'Boundary warnings',
    supervisorRequests: 'Supervisor requests',
    breaksOffered: 'Recovery breaks offered',
    breaksTaken: 'Recovery breaks taken',
    testTitle: 'CalmDeck test message',
    testBody: (agent: string): string => `${agent} connected CalmDeck to this channel. Help requests will appear here.`,
    unnamedAgent: 'An agent',
  },
  /** The team report (a lead's view across the team folder): PDF, Markdown, CSV and the panel. */
  teamReport: {
    title: 'Team report',
    period: 'Period',
    generated: 'Generated',
    shifts: 'Shifts',
    agents: 'Agents',
    filesRead: 'Files read',
    perWeek: 'Per week',
    perDay: 'Per day',
    week: 'Week',
    day: 'Day',
    group: 'Group',
    others: 'Others (not named)',
    total: 'Team',
    fewerThan5: 'fewer than 5',
    withheld: 'withheld (privacy)',
    trend: 'Trend per week (team)',
    noShifts: 'No shift files in this period.',
    skipped: 'Files skipped',
    file: 'File',
    reason: 'Reason',
    privacy:
      'Names appear only for agents who chose to show their name. Agents who did not are counted together, and a group of fewer than 5 such agents is never shown as figures.',
    figures: {
      calls: 'Calls',
      hardCalls: 'Hard calls',
      boundaryWarnings: 'Boundary warnings',
      abuseEnds: 'Ended for abuse',
      supervisorRequests: 'Supervisor requests',
      helpRequests: 'Help requests',
      breaksOffered: 'Breaks offered',
      breaksTaken: 'Breaks taken',
      breaksDeclined: 'Breaks declined',
      recoveryMinutes: 'Recovery minutes',
      callerRaisedCalls: 'Calls with the caller louder',
    },
    reasons: {
      unreadable: 'cannot be read',
      'not-json': 'not JSON (damaged?)',
      'not-a-report': 'not a CalmDeck shift report',
      'not-for-the-team': 'a personal export (no team block)',
      duplicate: 'the same shift again (an older copy)',
    },
  },
  /**
   * The command lines (export, team-report, calmdeck-event, the web host): usage, argument problems
   * and outcomes. {formats} and {languages} are lists such as "csv, json, md or pdf".
   */
  cli: {
    required: 'is required',
    mustBe: (values: string): string => `must be ${values}`,
    notValid: 'is not valid',
    tooLong: (max: number): string => `may be at most ${max} characters`,
    unknownOption: (option: string): string => `Unknown option '${option}'`,
    missingValue: (option: string): string => `${option} needs a value`,
    unexpectedArgument: 'takes no plain arguments',
    unreadable: 'unreadable arguments',
    isoMoment: (example: string): string => `must be an ISO date or date-time, e.g. ${example}`,
    toAfterFrom: '--to must be after --from',
    newerData:
      'this data was saved by a newer version of CalmDeck. Please update CalmDeck. Your data has not been changed.',
    formatRequired: (formats: string): string => `--format is required (${formats})`,
    export: {
      usage: (formats: string, formatNames: string, languages: string): string =>
        `Usage: npm run export -- --from <ISO date/time> --to <ISO date/time> --format ${formatNames} --out <path>
                         [--data-dir <folder>] [--redact] [--force] [--lang ${languages}] [--remark <text>]

Writes CalmDeck's incident report for [from, to) to one file. Reads the data without changing it,
also while CalmDeck is running.
  --from, --to  2026-11-22 (local midnight), 2026-11-22T08:00 (local time) or with an offset/Z
  --format      ${formats} (may be left out when --out ends in one of them)
  --out         the file to write, or an existing folder (a name with the period is chosen)
  --data-dir    CalmDeck's data folder (default: the desktop app's own)
  --redact      mask phone numbers and e-mail addresses
  --force       replace an existing file
  --lang        report language (default: CalmDeck's language setting, else the system's)
  --remark      a closing remark to include`,
      written: (file: string, calls: number, hard: number): string => `${file} (${calls} calls, ${hard} hard)`,
      redactLocked: 'masking is set by your organisation: add --redact. Nothing was written.',
      noData: (folder: string): string => `there is no CalmDeck data in ${folder}.`,
      exists: (file: string): string => `${file} already exists. Nothing was overwritten (add --force to replace it).`,
      noFolder: (folder: string): string => `the folder ${folder} does not exist.`,
      failed: (reason: string): string => `the report could not be made (${reason}).`,
    },
    teamReport: {
      usage: (formats: string, formatNames: string, languages: string): string =>
        `Usage: npm run team-report -- --in <folder> --from <ISO date> --to <ISO date> --format ${formatNames} --out <path>
                              [--lang ${languages}] [--force]

Reads every shift file (JSON) in a CalmDeck team folder and writes the team's figures per day and
per week for the shifts that start in [from, to). Files that are damaged, not CalmDeck's or personal
exports are listed and skipped; the same shift twice counts once. Agents who did not opt in to
their name are counted together, and a group of fewer than 5 of them is never shown as figures.
  --in          the team folder
  --from, --to  2026-01-01 (local midnight), 2026-01-01T08:00 (local time) or with an offset/Z
  --format      ${formats} (may be left out when --out ends in one of them)
  --out         the file to write, or an existing folder (a name with the period is chosen)
  --lang        report language (default: CalmDeck's language setting, else the system's)
  --force       replace an existing file`,
      skipped: (file: string, reason: string): string => `skipped ${file} (${reason})`,
      written: (file: string, shifts: number, agents: number, skipped: number): string =>
        `${file} (${shifts} shifts, ${agents} agents, ${skipped} files skipped)`,
      noFolder: (folder: string): string => `the team folder ${folder} cannot be read.`,
      failed: (reason: string): string => `the report could not be made (${reason}).`,
    },
    event: {
      usage: `Usage: calmdeck-event <call-incoming|call-start|call-end|call-failed> [number] [options]
   or: calmdeck-event --event <name> [--number <n>] [--direction in|out] [--id <call id>]

Tells the running CalmDeck about a softphone call.
  call-incoming  the phone rings (nothing is recorded until the call is answered)
  call-start     the call is connected: CalmDeck opens a call
  call-end       the call has ended: CalmDeck closes it
  call-failed    the call never connected (busy, rejected, not answered)
Options:
  --number     the other party's number or SIP address (may also be given as a plain argument)
  --direction  in or out
  --id         the softphone's id for the call, so repeated reports are recognised
  --data-dir   CalmDeck's data folder (default: the app's own)
Exit status: 0 done, 1 CalmDeck not running or refused the event, 2 wrong arguments.`,
      seeHelp: '(see calmdeck-event --help)',
      whichEvent: 'which event? e.g. call-start or --event call-start',
      onePlainArgument: 'one plain argument (the number) at most',
      notRunning: 'CalmDeck is not running (or its local API is off).',
      tokenMissing: (folder: string): string => `CalmDeck's token file is missing in ${folder}.`,
      noAnswer: 'CalmDeck did not answer in time.',
      brokeOff: 'the answer from CalmDeck broke off.',
      refused: 'CalmDeck refused the event.',
      connectionRefused: 'CalmDeck is not running.',
      unreachable: (code: string): string => `could not reach CalmDeck (${code}).`,
      notSent: 'could not send the event.',
    },
    web: {
      usage: (port: number): string => `Usage: npm run web -- [--port <1-65535>] [--data-dir <folder>] [--policy <file>]

Serves CalmDeck in the browser at http://127.0.0.1:<port>/ (loopback only).
  --port      port to listen on (default ${port}; 0 picks a free one)
  --data-dir  folder for CalmDeck's data (default: the desktop app's own data folder)
  --policy    IT's policy.json to apply (default: none)`,
      portInUse: (port: number): string => `port ${port} is already in use. Choose another with --port.`,
      notAllowed: (port: number): string => `not allowed to use port ${port} or the data folder.`,
      couldNotStart: (reason: string): string => `could not start (${reason}).`,
      backupFailed: 'the backup before updating the database failed.',
      damagedRestored: (movedTo: string, restored: string): string =>
        `the database was damaged; it was moved aside as ${movedTo} and the backup of ${restored} restored.`,
      damagedNew: (movedTo: string): string =>
        `the database was damaged; it was moved aside as ${movedTo} and a new one started.`,
    },
  },
}

export type HostTexts = typeof en
