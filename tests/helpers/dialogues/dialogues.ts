import type { CueKind } from '../../../shared/cues/engine'
import type { Recipe, Utterance, Voice } from './recipe'

/**
 * The test dialogues (24): turn-taking, overlaps, backchannels, raised voices on either side,
 * venting, long silence, a digitally silent loopback and the speaker echo. Each names the cue
 * kinds it is built to call for (`expect`); a unit test checks that its truth agrees.
 */

export interface DialogueSpec {
  recipe: Recipe
  expect: CueKind[]
}

const EN_AGENT: Voice = { voice: 'en-us+m3', pitch: 40, speed: 165 }
const NL_CALLER: Voice = { voice: 'nl+f3', pitch: 70, speed: 170 }
const NL_AGENT: Voice = { voice: 'nl+m1', pitch: 35, speed: 160 }
const EN_CALLER: Voice = { voice: 'en-gb+f2', pitch: 65, speed: 175 }
const A = { caller: NL_CALLER, agent: EN_AGENT }
const B = { caller: EN_CALLER, agent: NL_AGENT }

const caller = (text: string, place: Omit<Utterance, 'side' | 'text'> = {}): Utterance => ({
  side: 'caller',
  text,
  ...place,
})
const agent = (text: string, place: Omit<Utterance, 'side' | 'text'> = {}): Utterance => ({
  side: 'agent',
  text,
  ...place,
})

const NL = [
  'Ik wacht nu al drie weken op mijn pakket en niemand belt mij terug.',
  'Ik heb vorige week al twee keer gebeld en toen werd er niets gedaan.',
  'Het bedrag is gewoon van mijn rekening afgeschreven, dat klopt toch niet.',
  'Ik wil gewoon weten wanneer het eindelijk geleverd wordt.',
  'Uw collega zei dat het binnen twee dagen opgelost zou zijn.',
  'Ik heb er echt genoeg van, dit is de derde keer dat ik bel.',
  'En dan moet ik ook nog een half uur in de wachtrij staan.',
  'Mijn dochter heeft het nodig voor school en nu heeft ze niets.',
  'Ik begrijp niet waarom dit zo lang moet duren bij jullie.',
  'Niemand neemt de moeite om even een e-mail te sturen.',
  'Ik betaal elke maand netjes en dan krijg ik dit terug.',
  'Het is gewoon niet normaal hoe jullie met klanten omgaan.',
  'Ik heb de bevestiging hier nog voor me liggen met het nummer.',
  'Ze zeiden dat de bezorger langs was geweest maar ik was gewoon thuis.',
] as const
const EN = [
  'Thank you for calling, I can see your order here on my screen.',
  'Let me check what happened with the delivery for you right now.',
  'I understand, that is a long time to wait for a parcel.',
  'I will arrange a new delivery and send you a confirmation today.',
  'Could you give me the order number from the confirmation please?',
  'I am sorry that nobody called you back last week.',
  'The payment was taken on the twelfth, I can see that as well.',
  'I will stay on this until it is solved, you have my word.',
] as const
const EN_C = [
  'I have been waiting three weeks for my parcel and nobody calls me back.',
  'I already called twice last week and nothing happened at all.',
  'The money was taken from my account, that cannot be right.',
  'I just want to know when it will finally be delivered.',
  'Your colleague told me it would be sorted within two days.',
  'I have really had enough, this is the third time I am calling.',
  'And then I have to wait half an hour in the queue as well.',
  'My daughter needs it for school and now she has nothing.',
  'I do not understand why this has to take so long with you.',
  'Nobody even bothers to send a short e-mail about it.',
  'I pay every month on time and this is what I get back.',
  'The driver says he came by but I was at home all day.',
] as const
const NL_A = [
  'Dank u voor het wachten, ik zie uw bestelling hier op mijn scherm.',
  'Ik kijk nu meteen wat er met de levering is gebeurd.',
  'Dat begrijp ik, dat is heel lang wachten op een pakket.',
  'Ik regel een nieuwe levering en stuur u vandaag een bevestiging.',
  'Kunt u mij het bestelnummer van de bevestiging geven?',
  'Het spijt me dat niemand u vorige week heeft teruggebeld.',
] as const

const FAR = { db: -20, delayMs: 40 }

export const DIALOGUES: DialogueSpec[] = [
  // Calm turn-taking: no cue at all.
  {
    recipe: {
      name: 'calm-nl-en',
      about: 'calm turn-taking, Dutch caller, English agent',
      durationMs: 20_000,
      voices: A,
      lines: [caller(NL[0], { at: 300 }), agent(EN[0]), caller(NL[3]), agent(EN[3])],
    },
    expect: [],
  },
  {
    recipe: {
      name: 'calm-en-nl',
      about: 'calm turn-taking, English caller, Dutch agent, 15 dB SNR',
      durationMs: 20_000,
      voices: B,
      snrDb: 15,
      seed: 2,
      lines: [caller(EN_C[0], { at: 300 }), agent(NL_A[0]), caller(EN_C[3]), agent(NL_A[3])],
    },
    expect: [],
  },
  {
    recipe: {
      name: 'calm-wideband',
      about: 'calm turn-taking without the phone line (a wideband softphone), 20 dB SNR',
      durationMs: 18_000,
      voices: A,
      phone: false,
      snrDb: 20,
      seed: 3,
      lines: [caller(NL[1], { at: 300 }), agent(EN[1]), caller(NL[2]), agent(EN[2])],
    },
    expect: [],
  },
  // Overlaps: the agent starts while the caller speaks, both go on ≥ 700 ms.
  {
    recipe: {
      name: 'overlap-nl-en',
      about: 'the agent talks over the caller 1.2 s into their line',
      durationMs: 16_000,
      voices: A,
      seed: 4,
      lines: [caller(NL[0], { at: 300 }), agent(EN[0]), caller(NL[5]), agent(EN[3], { into: 1200 })],
    },
    expect: ['let-them-finish'],
  },
  {
    recipe: {
      name: 'overlap-en-nl',
      about: 'the agent talks over the caller, English caller, Dutch agent, 15 dB SNR',
      durationMs: 16_000,
      voices: B,
      snrDb: 15,
      seed: 5,
      lines: [caller(EN_C[1], { at: 300 }), agent(NL_A[1]), caller(EN_C[5]), agent(NL_A[2], { into: 1500 })],
    },
    expect: ['let-them-finish'],
  },
  {
    recipe: {
      name: 'overlap-early',
      about: 'the agent starts 600 ms into the caller’s line, wideband',
      durationMs: 14_000,
      voices: A,
      phone: false,
      seed: 6,
      lines: [caller(NL[2], { at: 300 }), agent(EN[2]), caller(NL[6]), agent(EN[1], { into: 600 })],
    },
    expect: ['let-them-finish'],
  },
  {
    recipe: {
      name: 'overlap-near-miss',
      about: 'the agent starts as the caller’s line ends: under 700 ms of overlap, no cue',
      durationMs: 14_000,
      voices: B,
      seed: 7,
      lines: [
        caller(EN_C[2], { at: 300 }),
        agent(NL_A[2]),
        caller('Yes, that is right.'),
        agent(NL_A[3], { into: 700 }),
      ],
    },
    expect: [],
  },
  // Backchannels while the other speaks: never an interruption.
  {
    recipe: {
      name: 'backchannel-en',
      about: 'the agent says “mm”, “yes” and “okay” while the caller speaks',
      durationMs: 20_000,
      voices: A,
      seed: 8,
      lines: [
        caller(NL[0], { at: 300 }),
        agent('mm', { into: 1500, backchannel: true }),
        caller(NL[1], { gap: 400 }),
        agent('yes', { into: 1800, backchannel: true }),
        caller(NL[4], { gap: 400 }),
        agent('okay', { into: 1200, backchannel: true }),
        agent(EN[2], { gap: 700 }),
      ],
    },
    expect: [],
  },
  {
    recipe: {
      name: 'backchannel-nl',
      about: 'the agent says “ja”, “da” and “hm” while the caller speaks, 15 dB SNR',
      durationMs: 20_000,
      voices: B,
      snrDb: 15,
      seed: 9,
      lines: [
        caller(EN_C[0], { at: 300 }),
        agent('ja', { into: 1600, backchannel: true }),
        caller(EN_C[1], { gap: 400 }),
        agent('da', { into: 1400, backchannel: true }),
        caller(EN_C[4], { gap: 400 }),
        agent('hm', { into: 2000, backchannel: true }),
        agent(NL_A[2], { gap: 700 }),
      ],
    },
    expect: [],
  },
  {
    recipe: {
      name: 'backchannel-then-overlap',
      about: 'two backchannels, then a real overlap',
      durationMs: 18_000,
      voices: A,
      seed: 10,
      lines: [
        caller(NL[1], { at: 300 }),
        agent('mm', { into: 1400, backchannel: true }),
        caller(NL[8], { gap: 400 }),
        agent('ja', { into: 1000, backchannel: true }),
        caller(NL[10], { gap: 400 }),
        agent(EN[4], { into: 1300 }),
      ],
    },
    expect: ['let-them-finish'],
  },
  // The caller's voice raised (≥ 8 dB over their usual level for several seconds).
  {
    recipe: {
      name: 'caller-raised-10',
      about: 'the caller speaks normally, then 10 dB louder for two lines',
      durationMs: 24_000,
      voices: A,
      seed: 11,
      lines: [
        caller(NL[0], { at: 300 }),
        caller(NL[1], { gap: 500 }),
        agent(EN[0]),
        caller(NL[5], { gainDb: 10 }),
        caller(NL[11], { gainDb: 10, gap: 400 }),
        agent(EN[5]),
      ],
    },
    expect: ['caller-raised'],
  },
  {
    recipe: {
      name: 'caller-raised-12-noisy',
      about: 'the caller 12 dB louder at 15 dB SNR, English caller',
      durationMs: 24_000,
      voices: B,
      snrDb: 15,
      seed: 12,
      lines: [
        caller(EN_C[0], { at: 300 }),
        caller(EN_C[2], { gap: 500 }),
        agent(NL_A[0]),
        caller(EN_C[5], { gainDb: 12 }),
        caller(EN_C[10], { gainDb: 12, gap: 400 }),
        agent(NL_A[5]),
      ],
    },
    expect: ['caller-raised'],
  },
  {
    recipe: {
      name: 'caller-raised-wideband',
      about: 'the caller 10 dB louder, wideband, then back to normal',
      durationMs: 25_000,
      voices: A,
      phone: false,
      seed: 13,
      lines: [
        caller(NL[2], { at: 300 }),
        caller(NL[3], { gap: 500 }),
        agent(EN[1]),
        caller(NL[9], { gainDb: 10 }),
        caller(NL[6], { gainDb: 10, gap: 400 }),
        agent(EN[2]),
        caller(NL[12]),
      ],
    },
    expect: ['caller-raised'],
  },
  {
    recipe: {
      name: 'caller-louder-4',
      about: 'the caller only 4 dB louder: under the threshold, no cue',
      durationMs: 22_000,
      voices: B,
      seed: 14,
      lines: [
        caller(EN_C[0], { at: 300 }),
        caller(EN_C[2], { gap: 500 }),
        agent(NL_A[0]),
        caller(EN_C[5], { gainDb: 4 }),
        caller(EN_C[10], { gainDb: 4, gap: 400 }),
      ],
    },
    expect: [],
  },
  // The agent's own voice raised (≥ 8 dB over their usual level).
  {
    recipe: {
      name: 'agent-raised-8',
      about: 'the agent speaks normally, then 8 dB louder for two lines',
      durationMs: 24_000,
      voices: A,
      seed: 15,
      lines: [
        caller(NL[3], { at: 300 }),
        agent(EN[0]),
        agent(EN[1], { gap: 500 }),
        caller(NL[5]),
        agent(EN[6], { gainDb: 8 }),
        agent(EN[7], { gainDb: 8, gap: 400 }),
      ],
    },
    expect: ['keep-level'],
  },
  {
    recipe: {
      name: 'agent-raised-10-nl',
      about: 'the Dutch agent 10 dB louder at 16 dB SNR',
      durationMs: 24_000,
      voices: B,
      snrDb: 16,
      seed: 16,
      lines: [
        caller(EN_C[3], { at: 300 }),
        agent(NL_A[0]),
        agent(NL_A[1], { gap: 500 }),
        caller(EN_C[6]),
        agent(NL_A[3], { gainDb: 10 }),
        agent(NL_A[4], { gainDb: 10, gap: 400 }),
      ],
    },
    expect: ['keep-level'],
  },
  {
    recipe: {
      name: 'both-raised',
      about: 'the caller’s voice rises by 10 dB, then the agent’s by 8 dB',
      durationMs: 30_000,
      voices: A,
      seed: 17,
      lines: [
        caller(NL[0], { at: 300 }),
        caller(NL[1], { gap: 500 }),
        agent(EN[0]),
        agent(EN[1], { gap: 500 }),
        caller(NL[5], { gainDb: 10 }),
        caller(NL[11], { gainDb: 10, gap: 400 }),
        agent(EN[6], { gainDb: 8 }),
        agent(EN[7], { gainDb: 8, gap: 400 }),
      ],
    },
    expect: ['caller-raised', 'keep-level'],
  },
  // Venting: the caller speaks ≥ 30 s with gaps under 1.5 s.
  {
    recipe: {
      name: 'venting-nl',
      about: 'the Dutch caller vents for over 30 s, gaps 300–900 ms',
      durationMs: 40_000,
      voices: A,
      seed: 18,
      lines: NL.map((text, i) => caller(text, i === 0 ? { at: 300 } : { gap: [300, 900, 500, 700][i % 4] })),
    },
    expect: ['venting'],
  },
  {
    recipe: {
      name: 'venting-en-backchannels',
      about: 'the English caller vents for over 30 s while the agent backchannels',
      durationMs: 40_000,
      voices: B,
      snrDb: 16,
      seed: 19,
      lines: EN_C.flatMap((text, i) => [
        caller(text, i === 0 ? { at: 300 } : { gap: [400, 800, 600][i % 3] }),
        ...(i % 3 === 1
          ? [agent(['ja', 'hm', 'da', 'mm'][Math.floor(i / 3)] ?? 'ja', { into: 1500, backchannel: true })]
          : []),
      ]),
    },
    expect: ['venting'],
  },
  // Silence.
  {
    recipe: {
      name: 'long-silence',
      about: 'a line each, 12 s of silence (noise only), a line each',
      durationMs: 25_000,
      voices: A,
      seed: 20,
      lines: [caller(NL[4], { at: 300 }), agent(EN[1]), caller(NL[7], { gap: 12_000 }), agent(EN[3])],
    },
    expect: [],
  },
  {
    recipe: {
      name: 'caller-silent',
      about: 'the loopback carries nothing at all while the agent speaks',
      durationMs: 20_000,
      voices: A,
      callerSilent: true,
      seed: 21,
      lines: [caller(NL[0], { at: 300 }), agent(EN[0]), caller(NL[3]), agent(EN[3]), agent(EN[4])],
    },
    expect: [],
  },
  // Speakers, no headset: the caller reaches the microphone.
  {
    recipe: {
      name: 'echo-turns',
      about: 'speakers: the caller reaches the microphone 20 dB lower, 40 ms later; calm turns',
      durationMs: 20_000,
      voices: A,
      echo: FAR,
      snrDb: 20,
      seed: 22,
      lines: [caller(NL[0], { at: 300 }), agent(EN[0]), caller(NL[5]), agent(EN[2])],
    },
    expect: [],
  },
  {
    recipe: {
      name: 'echo-loud-overlap',
      about: 'speakers: the echo 15 dB lower, 20 ms later, and a real overlap',
      durationMs: 18_000,
      voices: B,
      echo: { db: -15, delayMs: 20 },
      snrDb: 20,
      seed: 23,
      lines: [caller(EN_C[1], { at: 300 }), agent(NL_A[1]), caller(EN_C[5]), agent(NL_A[2], { into: 1400 })],
    },
    expect: ['let-them-finish'],
  },
  {
    recipe: {
      name: 'echo-quiet-venting',
      about: 'speakers: the echo 25 dB lower, 60 ms later, while the caller vents',
      durationMs: 38_000,
      voices: A,
      echo: { db: -25, delayMs: 60 },
      snrDb: 20,
      seed: 24,
      lines: NL.slice(0, 12).map((text, i) => caller(text, i === 0 ? { at: 300 } : { gap: 500 })),
    },
    expect: ['venting'],
  },
]
