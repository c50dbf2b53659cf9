/** Calm blue at the start of a call through teal and green to the end: one hue per phase. */
export function phaseAccent(position: number, total: number): string {
  const t = total <= 1 ? 0 : position / (total - 1)
  return `hsl(${Math.round(212 - t * 70)} 52% 42%)`
}

const escalationAccents = ['#b7791f', '#c0392b', '#7455c2']

/** Warm, distinct colours for escalation cards, by their place in the deck. */
export function escalationAccent(position: number): string {
  return escalationAccents[position % escalationAccents.length] ?? '#b7791f'
}
