import crypto from 'node:crypto'
import net from 'node:net'
import type { ExternalCallEvent } from '../../../shared/call-events'
import { BaresipEventMapper, baresipResponseSchema, type BaresipResponse } from './baresip-events'
import { decodeNetstrings, encodeNetstring } from './netstring'

export type BaresipStatus = 'connecting' | 'connected' | 'disconnected' | 'stopped'

export interface BaresipConnectorOptions {
  host: string
  port: number
  onEvent: (event: ExternalCallEvent) => void
  onStatus?: (status: BaresipStatus) => void
  /** Connection changes only; never numbers. */
  log?: (line: string) => void
  /** First retry delay, doubled after each failure up to `maxDelayMs`. */
  initialDelayMs?: number
  maxDelayMs?: number
  connectTimeoutMs?: number
  commandTimeoutMs?: number
}

interface Pending {
  resolve: (response: BaresipResponse) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

/**
 * A client of baresip's ctrl_tcp module: JSON messages in netstrings. It maps call events to
 * ours and keeps reconnecting (with backoff) while baresip is down or restarting, until stopped.
 */
export class BaresipConnector {
  private socket: net.Socket | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private delay: number
  private buffer: Buffer = Buffer.alloc(0)
  private mapper = new BaresipEventMapper()
  private readonly pending = new Map<string, Pending>()
  private stopped = true
  private wasConnected = false
  private current: BaresipStatus = 'stopped'

  constructor(private readonly options: BaresipConnectorOptions) {
    this.delay = options.initialDelayMs ?? 250
  }

  get status(): BaresipStatus {
    return this.current
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.connect()
  }

  stop(): void {
    this.stopped = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.socket?.destroy()
    this.socket = null
    this.failPending('the connection to baresip was closed')
    this.setStatus('stopped')
  }

  /** Sends a command (e.g. `hangup`, `accept`) and resolves with baresip's answer. */
  command(command: string, params?: string): Promise<BaresipResponse> {
    const socket = this.socket
    if (!socket || this.current !== 'connected') return Promise.reject(new Error('baresip is not connected'))
    const token = crypto.randomBytes(6).toString('hex')
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token)
        reject(new Error(`baresip did not answer "${command}" in time`))
      }, this.options.commandTimeoutMs ?? 3_000)
      this.pending.set(token, { resolve, reject, timer })
      const message = params === undefined ? { command, token } : { command, params, token }
      socket.write(encodeNetstring(JSON.stringify(message)))
    })
  }

  private connect(): void {
    if (this.stopped) return
    this.setStatus('connecting')
    this.buffer = Buffer.alloc(0)
    this.mapper = new BaresipEventMapper()
    const socket = net.connect({ host: this.options.host, port: this.options.port })
    this.socket = socket
    socket.setTimeout(this.options.connectTimeoutMs ?? 2_000)
    socket.once('connect', () => {
      socket.setTimeout(0)
      socket.setKeepAlive(true, 10_000)
      this.delay = this.options.initialDelayMs ?? 250
      this.wasConnected = true
      this.options.log?.(`connected to baresip at ${this.options.host}:${this.options.port}`)
      this.setStatus('connected')
    })
    socket.on('timeout', () => socket.destroy())
    socket.on('data', (chunk: Buffer) => this.onData(socket, chunk))
    socket.on('error', () => {
      // 'close' follows; the reason is not needed to retry.
    })
    socket.once('close', () => this.onClose(socket))
  }

  private onData(socket: net.Socket, chunk: Buffer): void {
    const decoded = decodeNetstrings(Buffer.concat([this.buffer, chunk]))
    if (!decoded.ok) {
      this.options.log?.(`baresip sent something that is not ctrl_tcp (${decoded.error}); reconnecting`)
      socket.destroy()
      return
    }
    this.buffer = decoded.rest
    for (const frame of decoded.frames) this.onMessage(frame)
  }

  private onMessage(frame: Buffer): void {
    let message: unknown
    try {
      message = JSON.parse(frame.toString('utf8'))
    } catch {
      return
    }
    const response = baresipResponseSchema.safeParse(message)
    if (response.success) {
      const pending = response.data.token ? this.pending.get(response.data.token) : undefined
      if (pending && response.data.token) {
        clearTimeout(pending.timer)
        this.pending.delete(response.data.token)
        pending.resolve(response.data)
      }
      return
    }
    const event = this.mapper.map(message)
    if (event) this.options.onEvent(event)
  }

  private onClose(socket: net.Socket): void {
    if (this.socket !== socket) return
    this.socket = null
    this.failPending('the connection to baresip was lost')
    if (this.stopped) return
    if (this.wasConnected) this.options.log?.('lost the connection to baresip; reconnecting')
    this.wasConnected = false
    this.setStatus('disconnected')
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.connect()
    }, this.delay)
    this.delay = Math.min(this.delay * 2, this.options.maxDelayMs ?? 10_000)
  }

  private failPending(reason: string): void {
    for (const [token, pending] of this.pending) {
      clearTimeout(pending.timer)
      pending.reject(new Error(reason))
      this.pending.delete(token)
    }
  }

  private setStatus(status: BaresipStatus): void {
    if (status === this.current) return
    this.current = status
    this.options.onStatus?.(status)
  }
}
