import { onBeforeUnmount, ref, type Ref } from 'vue'

/**
 * The current time, refreshed at most once per `intervalMs` and not at all while the page is
 * hidden (a hidden window should cost no CPU). Refreshes at once when the page shows again.
 */
export function useNow(intervalMs = 1000): Ref<number> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined

  const start = () => {
    now.value = Date.now()
    timer ??= setInterval(() => (now.value = Date.now()), intervalMs)
  }
  const stop = () => {
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }
  const onVisibility = () => (document.hidden ? stop() : start())

  document.addEventListener('visibilitychange', onVisibility)
  if (!document.hidden) start()
  onBeforeUnmount(() => {
    stop()
    document.removeEventListener('visibilitychange', onVisibility)
  })
  return now
}

/**
 * A countdown to `deadline` (ms since the epoch) in whole seconds, as a display shows it: `onTick`
 * gets the seconds left at once, then again exactly when the number drops, ending with 0. A clock
 * ticking once a second, unaligned to the deadline, shows a second too many for up to a second,
 * and a last "1" after the deadline has passed. Returns a function that stops it.
 */
export function countdown(deadline: number, onTick: (seconds: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const tick = () => {
    const left = deadline - Date.now()
    const seconds = Math.max(0, Math.ceil(left / 1000))
    onTick(seconds)
    if (seconds > 0) timer = setTimeout(tick, left - (seconds - 1) * 1000)
  }
  tick()
  return () => clearTimeout(timer)
}

/** "4:07" or "1:02:09" for a duration in milliseconds. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
