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

/** "4:07" or "1:02:09" for a duration in milliseconds. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
