import type { CDPSession } from '@playwright/test'
import fs from 'node:fs'

/** CPU seconds by "process type/thread name" (e.g. `utility:audio.mojom.AudioService/threaded-ml`). */
export type ThreadCpu = Map<string, number>

const CLOCK_TICKS = 100

/** The parent of process `pid`, from /proc. */
function parentOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
}

function isChromiumChild(pid: number): boolean {
  return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=')
}

/**
 * The browser process of the Chromium that `cdp` talks to: a renderer's ancestors up to the first
 * that is not a Chromium child process (zygotes are).
 */
export async function browserPid(cdp: CDPSession): Promise<number> {
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
  const renderer = info.processInfo.find((process) => process.type === 'renderer')
  if (!renderer) throw new Error('Chromium reported no renderer process')
  let pid = parentOf(renderer.id)
  while (isChromiumChild(pid)) pid = parentOf(pid)
  return pid
}

function childrenOf(pid: number): number[] {
  const children: number[] = []
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim()
    if (list) children.push(...list.split(/\s+/).map(Number))
  }
  return children
}

/** "renderer", "gpu-process", "utility:<service>" or "browser", from a process's command line. */
function processType(pid: number): string {
  const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  const type = /--type=([a-z-]+)/.exec(command)?.[1] ?? 'browser'
  return type === 'utility' ? `utility:${/--utility-sub-type=([\w.]+)/.exec(command)?.[1] ?? ''}` : type
}

/**
 * CPU seconds (user + system) of every thread of the browser `root` and all its processes (renderers,
 * GPU, the audio service where capture runs, the network service …), from /proc: Linux only.
 * Thread names lose a trailing number, so a pool's threads add up under one name. A process or
 * thread that ends between two readings drops out of the later one.
 */
export function threadCpu(root: number): ThreadCpu {
  const cpu: ThreadCpu = new Map()
  const visit = (pid: number) => {
    let type: string
    let tasks: string[]
    try {
      type = processType(pid)
      tasks = fs.readdirSync(`/proc/${pid}/task`)
    } catch {
      return // ended meanwhile
    }
    for (const tid of tasks) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        const seconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
        const key = `${type}/${name}`
        cpu.set(key, (cpu.get(key) ?? 0) + seconds)
      } catch {
        // the thread ended meanwhile
      }
    }
    for (const child of childrenOf(pid)) visit(child)
  }
  visit(root)
  return cpu
}

/** Share of one core between two readings `seconds` apart: in all, and by thread (largest first). */
export interface CpuShare {
  total: number
  /** Capture in the audio service (a utility process). */
  audioService: number
  renderer: number
  /** The renderer's main thread (its other threads: compositor, audio input, the AudioWorklet …). */
  rendererMain: number
  threads: [string, number][]
}

export function cpuShare(before: ThreadCpu, after: ThreadCpu, seconds: number): CpuShare {
  const threads = [...after]
    .map(([key, value]) => [key, (value - (before.get(key) ?? 0)) / seconds] as [string, number])
    .sort((a, b) => b[1] - a[1])
  const sum = (keep: (key: string) => boolean) =>
    threads.filter(([key]) => keep(key)).reduce((total, [, value]) => total + value, 0)
  return {
    total: sum(() => true),
    audioService: sum((key) => key.startsWith('utility:audio.')),
    renderer: sum((key) => key.startsWith('renderer/')),
    // A process's main thread has the program's name (Debian's Chromium: "chromium").
    rendererMain: sum((key) => /^renderer\/(chromium|chrome|electron)$/.test(key)),
    threads,
  }
}
