import type { HostTexts } from '../en/host'

export const hr: HostTexts = {
  /** The tray icon's tooltip and menu. */
  tray: {
    tooltip: 'CalmDeck',
    show: 'Prikaži',
    hide: 'Sakrij',
    quit: 'Izađi',
  },
  /** The recovery break's notification and tray countdown; {time} is e.g. "4 min". */
  recovery: {
    over: 'Predah je gotov. Dobro došli natrag.',
    left: 'predah, još {time}',
  },
  /** `calmdeck policy` (`npm run policy`, the packaged app's `--print-policy`): usage and messages. */
  policyCli: {
    usage: `Upotreba: npm run policy -- [--registry] [--policy <datoteka>]
          CalmDeck --print-policy [--registry] [--policy <datoteka>]

Ispisuje pravila računala koja CalmDeck primjenjuje, kao JSON: svaku stavku s izvorom (datoteka
pravila ili Windows registar) i podatkom može li je agent promijeniti, što je zaključano te svaki
problem s njegovom putanjom.
  --registry  čitaj HKLM\\Software\\Policies\\CalmDeck i izvan Windowsa (preko naredbe "reg" na PATH-u)
  --policy    ova datoteka pravila umjesto one na računalu
Izlazni status: 0 bez problema, 1 ispisano s problemima, 2 pogrešni argumenti.`,
    wrongArguments: (detail: string): string => `calmdeck policy: pogrešni argumenti (${detail})`,
    failed: 'calmdeck policy: pravila se nisu mogla pročitati.',
  },
  /** Every text a rendered report uses (Markdown, PDF, CSV labels). */
  report: {
    title: 'Izvješće o incidentima na kraju smjene',
    range: 'Razdoblje',
    timeZone: 'Vremenska zona',
    generated: 'Izrađeno',
    redactedNote: 'Brojevi telefona i adrese e-pošte u ovom su izvješću prikriveni.',
    emptyRange: 'U ovom razdoblju nisu zabilježeni pozivi ni incidenti.',
    summary: 'Sažetak',
    remark: 'Završna napomena',
    timeline: 'Vremenska crta',
    legendCall: 'Poziv',
    legendHard: 'Težak poziv',
    legendBoundary: 'Upozorenje o granici',
    legendAbuse: 'Prekinuto zbog uvreda',
    legendSupervisor: 'Nadređeni',
    calls: 'Pozivi',
    hardCalls: 'Teški pozivi',
    talkTime: 'Ukupno vrijeme razgovora',
    boundaryWarnings: 'Upozorenja o granici',
    abuseEnds: 'Prekinuto zbog uvreda',
    supervisorHandovers: 'Predano nadređenom',
    promisesOpen: 'Otvorena obećanja',
    followUpsOpen: 'Otvorena praćenja',
    recoveryBreaks: 'Uzete pauze za oporavak',
    walkIns: 'Incidenti bez poziva',
    cueCalls: 'Pozivi praćeni po razini zvuka',
    callerRaisedTotal: 'Pozivatelj glasniji nego inače',
    soundLevels: 'Razine zvuka',
    soundLevelsNote:
      'Mjereno samo po razinama zvuka: bez riječi, bez snimanja. Udio govora u % slušanog vremena. Glasnije: sekunde iznad uobičajenog glasa te osobe u pozivu.',
    talkOversNote: 'Upadanje u riječ: koliko ste puta počeli govoriti dok je pozivatelj govorio i oboje ste nastavili.',
    talkShare: 'Udio govora',
    shareYou: 'Vi',
    shareCaller: 'Pozivatelj',
    shareSilence: 'Tišina',
    talkOvers: 'Upadanje u riječ',
    callerLongest: 'Najdulji govor pozivatelja',
    callerRaised: 'Pozivatelj glasniji',
    youRaised: 'Vi glasniji',
    seconds: (n) => `${n} s`,
    percent: (n) => `${n} %`,
    hardCallsSection: 'Teški pozivi u cijelosti',
    otherCallsSection: 'Ostali pozivi',
    walkInsSection: 'Incidenti bez poziva',
    noOtherCalls: 'Nema.',
    start: 'Početak',
    end: 'Kraj',
    duration: 'Trajanje',
    caller: 'Pozivatelj',
    direction: 'Smjer',
    inbound: 'dolazni',
    outbound: 'odlazni',
    unknownCaller: 'broj nije spremljen',
    inProgress: 'u tijeku',
    events: 'Događaji',
    time: 'Vrijeme',
    event: 'Događaj',
    note: 'Bilješka',
    noNote: 'Za ovaj poziv nije napisana bilješka.',
    whatHappened: 'Što se dogodilo',
    callerWants: 'Što pozivatelj želi',
    resolved: 'Što je riješeno',
    freeText: 'Bilješke',
    promisesAndFollowUps: 'Obećanja i praćenja',
    promise: 'Obećanje',
    followUp: 'Praćenje',
    due: 'rok',
    done: 'gotovo',
    open: 'otvoreno',
    call: 'Poziv',
    page: (n, total) => `Stranica ${n} od ${total}`,
    recoveryValue: (count, minutes) => `${count} (${minutes})`,
    eventCount: (n) => {
      const mod10 = n % 10
      const mod100 = n % 100
      if (mod10 === 1 && mod100 !== 11) return `${n} događaj`
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} događaja`
      return `${n} događaja`
    },
  },
  team: {
    helpTitle: (agent) => `${agent} traži pomoć`,
    time: 'Vrijeme',
    callRunning: 'Poziv traje',
    noCall: 'nema otvorenog poziva',
    hardCall: 'Težak poziv',
    yes: 'da',
    no: 'ne',
    flags: 'Oznake',
    noFlags: 'nema',
    trigger: 'Zatražio/la',
    triggerAgent: 'agent',
    triggerSupervisor: 'događaj "traži nadređenog"',
    message: 'Poruka',
    note: 'Bilješka (podijelio/la agent)',
    summaryTitle: (agent) => `Sažetak smjene: ${agent}`,
    period: 'Smjena',
    calls: 'Pozivi',
    hardCalls: 'Teški pozivi',
    boundaryWarnings: 'Upozorenja o granici',
    supervisorRequests: 'Zahtjevi za nadređenim',
    breaksOffered: 'Ponuđene pauze za oporavak',
    breaksTaken: 'Iskorištene pauze za oporavak',
    testTitle: 'Probna poruka iz CalmDecka',
    testBody: (agent) => `${agent} je povezao/la CalmDeck s ovim kanalom. Zahtjevi za pomoć pojavit će se ovdje.`,
    unnamedAgent: 'Agent',
  },
  teamReport: {
    title: 'Izvješće tima',
    period: 'Razdoblje',
    generated: 'Izrađeno',
    shifts: 'Smjene',
    agents: 'Agenti',
    filesRead: 'Pročitane datoteke',
    perWeek: 'Po tjednu',
    perDay: 'Po danu',
    week: 'Tjedan',
    day: 'Dan',
    group: 'Skupina',
    others: 'Ostali (bez imena)',
    total: 'Tim',
    fewerThan5: 'manje od 5',
    withheld: 'zadržano (privatnost)',
    trend: 'Kretanje po tjednu (tim)',
    noShifts: 'Nema datoteka smjena u ovom razdoblju.',
    skipped: 'Preskočene datoteke',
    file: 'Datoteka',
    reason: 'Razlog',
    privacy:
      'Imena se prikazuju samo za agente koji su to odabrali. Ostali se broje zajedno, a skupina od manje od 5 takvih agenata nikad se ne prikazuje brojkama.',
    figures: {
      calls: 'Pozivi',
      hardCalls: 'Teški pozivi',
      boundaryWarnings: 'Upozorenja o granici',
      abuseEnds: 'Prekinuto zbog uvreda',
      supervisorRequests: 'Traženi nadređeni',
      helpRequests: 'Zahtjevi za pomoć',
      breaksOffered: 'Ponuđene stanke',
      breaksTaken: 'Uzete stanke',
      breaksDeclined: 'Odbijene stanke',
      recoveryMinutes: 'Minute oporavka',
      callerRaisedCalls: 'Pozivi: glasniji pozivatelj',
    },
    reasons: {
      unreadable: 'ne može se pročitati',
      'not-json': 'nije JSON (oštećeno?)',
      'not-a-report': 'nije CalmDeckovo izvješće o smjeni',
      'not-for-the-team': 'osobni izvoz (bez podataka za tim)',
      duplicate: 'ista smjena ponovno (starija kopija)',
    },
  },
  cli: {
    required: 'je obavezan',
    mustBe: (values: string): string => `mora biti ${values}`,
    notValid: 'nije valjan',
    tooLong: (max: number): string => `smije imati najviše ${max} znakova`,
    unknownOption: (option: string): string => `Nepoznata opcija '${option}'`,
    missingValue: (option: string): string => `${option} treba vrijednost`,
    unexpectedArgument: 'ne prima samostalne argumente',
    unreadable: 'nečitljivi argumenti',
    isoMoment: (example: string): string => `mora biti ISO datum ili datum i vrijeme, npr. ${example}`,
    toAfterFrom: '--to mora biti nakon --from',
    newerData: 'ove je podatke spremila novija verzija CalmDecka. Ažurirajte CalmDeck. Vaši podaci nisu promijenjeni.',
    formatRequired: (formats: string): string => `--format je obavezan (${formats})`,
    export: {
      usage: (formats: string, formatNames: string, languages: string): string =>
        `Upotreba: npm run export -- --from <ISO datum/vrijeme> --to <ISO datum/vrijeme> --format ${formatNames} --out <putanja>
                            [--data-dir <mapa>] [--redact] [--force] [--lang ${languages}] [--remark <tekst>]

Zapisuje CalmDeckovo izvješće o incidentima za [from, to) u jednu datoteku. Čita podatke bez
mijenjanja, i dok CalmDeck radi.
  --from, --to  2026-11-22 (lokalna ponoć), 2026-11-22T08:00 (lokalno vrijeme) ili s pomakom/Z
  --format      ${formats} (može se izostaviti kad --out završava jednim od njih)
  --out         datoteka za zapis ili postojeća mapa (tada se bira naziv s razdobljem)
  --data-dir    CalmDeckova mapa s podacima (zadano: mapa desktop aplikacije)
  --redact      maskiraj telefonske brojeve i adrese e-pošte
  --force       zamijeni postojeću datoteku
  --lang        jezik izvješća (zadano: CalmDeckova postavka jezika, inače jezik sustava)
  --remark      završna napomena koju treba uključiti`,
      written: (file: string, calls: number, hard: number): string => `${file} (poziva: ${calls}, teških: ${hard})`,
      redactLocked: 'maskiranje je postavila vaša organizacija: dodajte --redact. Ništa nije zapisano.',
      noData: (folder: string): string => `u ${folder} nema CalmDeckovih podataka.`,
      exists: (file: string): string => `${file} već postoji. Ništa nije prepisano (dodajte --force za zamjenu).`,
      noFolder: (folder: string): string => `mapa ${folder} ne postoji.`,
      failed: (reason: string): string => `izvješće nije moguće izraditi (${reason}).`,
    },
    teamReport: {
      usage: (formats: string, formatNames: string, languages: string): string =>
        `Upotreba: npm run team-report -- --in <mapa> --from <ISO datum> --to <ISO datum> --format ${formatNames} --out <putanja>
                                 [--lang ${languages}] [--force]

Čita svaku datoteku smjene (JSON) u CalmDeckovoj mapi tima i zapisuje brojke tima po danu i po
tjednu za smjene koje počinju u [from, to). Oštećene datoteke, one koje nisu CalmDeckove i osobni
izvozi navode se i preskaču; ista smjena dvaput broji se jednom. Agenti koji nisu pristali na
prikaz imena broje se zajedno, a skupina od manje od 5 takvih nikad se ne prikazuje brojkama.
  --in          mapa tima
  --from, --to  2026-01-01 (lokalna ponoć), 2026-01-01T08:00 (lokalno vrijeme) ili s pomakom/Z
  --format      ${formats} (može se izostaviti kad --out završava jednim od njih)
  --out         datoteka za zapis ili postojeća mapa (tada se bira naziv s razdobljem)
  --lang        jezik izvješća (zadano: CalmDeckova postavka jezika, inače jezik sustava)
  --force       zamijeni postojeću datoteku`,
      skipped: (file: string, reason: string): string => `preskočeno: ${file} (${reason})`,
      written: (file: string, shifts: number, agents: number, skipped: number): string =>
        `${file} (smjena: ${shifts}, agenata: ${agents}, preskočenih datoteka: ${skipped})`,
      noFolder: (folder: string): string => `mapu tima ${folder} nije moguće pročitati.`,
      failed: (reason: string): string => `izvješće nije moguće izraditi (${reason}).`,
    },
    event: {
      usage: `Upotreba: calmdeck-event <call-incoming|call-start|call-end|call-failed> [broj] [opcije]
     ili: calmdeck-event --event <naziv> [--number <n>] [--direction in|out] [--id <id poziva>]

Javlja pokrenutom CalmDecku o pozivu sa softphonea.
  call-incoming  telefon zvoni (ništa se ne bilježi dok se poziv ne prihvati)
  call-start     poziv je spojen: CalmDeck otvara poziv
  call-end       poziv je završio: CalmDeck ga zatvara
  call-failed    poziv se nikad nije spojio (zauzeto, odbijeno, bez odgovora)
Opcije:
  --number     broj ili SIP adresa druge strane (može i kao samostalni argument)
  --direction  in ili out
  --id         softphoneov id poziva, da se ponovljene prijave prepoznaju
  --data-dir   CalmDeckova mapa s podacima (zadano: mapa aplikacije)
Izlazni status: 0 gotovo, 1 CalmDeck ne radi ili je odbio događaj, 2 pogrešni argumenti.`,
      seeHelp: '(vidi calmdeck-event --help)',
      whichEvent: 'koji događaj? npr. call-start ili --event call-start',
      onePlainArgument: 'najviše jedan samostalni argument (broj)',
      notRunning: 'CalmDeck ne radi (ili mu je lokalni API isključen).',
      tokenMissing: (folder: string): string => `CalmDeckova datoteka s tokenom nedostaje u ${folder}.`,
      noAnswer: 'CalmDeck nije odgovorio na vrijeme.',
      brokeOff: 'odgovor CalmDecka je prekinut.',
      refused: 'CalmDeck je odbio događaj.',
      connectionRefused: 'CalmDeck ne radi.',
      unreachable: (code: string): string => `CalmDeck nije dostupan (${code}).`,
      notSent: 'događaj nije moguće poslati.',
    },
    web: {
      usage: (
        port: number,
      ): string => `Upotreba: npm run web -- [--port <1-65535>] [--data-dir <mapa>] [--policy <datoteka>]

Poslužuje CalmDeck u pregledniku na http://127.0.0.1:<port>/ (samo loopback).
  --port      port na kojem sluša (zadano ${port}; 0 bira slobodan)
  --data-dir  mapa za CalmDeckove podatke (zadano: mapa s podacima desktop aplikacije)
  --policy    IT-ov policy.json koji se primjenjuje (zadano: nijedan)`,
      portInUse: (port: number): string => `port ${port} je već zauzet. Odaberite drugi s --port.`,
      notAllowed: (port: number): string => `nema dopuštenja za port ${port} ili mapu s podacima.`,
      couldNotStart: (reason: string): string => `pokretanje nije uspjelo (${reason}).`,
      backupFailed: 'sigurnosna kopija prije ažuriranja baze podataka nije uspjela.',
      damagedRestored: (movedTo: string, restored: string): string =>
        `baza podataka bila je oštećena; premještena je kao ${movedTo} i vraćena je sigurnosna kopija od ${restored}.`,
      damagedNew: (movedTo: string): string =>
        `baza podataka bila je oštećena; premještena je kao ${movedTo} i započeta je nova.`,
    },
  },
}
