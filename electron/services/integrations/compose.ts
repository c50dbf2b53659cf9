import type { CompositionContext, Wiring } from '../composition'
import { CallEventIngest } from './call-event-ingest'
import { createCallSources } from './call-integrations'
import { CallIntegrations } from './hub'

export interface IntegrationsServices {
  /** Softphone call events; a host calls `integrations.start()` to listen. */
  integrations: CallIntegrations
}

/** The call sources (softphones, hooks, the local API, the microphone) and the one ingest they feed. */
export function composeIntegrations(
  { options, now, broadcast, log }: CompositionContext,
  app: Wiring,
): IntegrationsServices {
  let shownPrompt: string | null = null
  const integrations = new CallIntegrations({
    dataDir: options.dataDir,
    settings: () => app.settings.get(),
    ingest: new CallEventIngest({
      calls: app.calls,
      now,
      onPerformed: (action, outcome) => broadcast('actions:performed', { source: 'integration', action, outcome }),
      onCallStarted: () => {
        if (app.settings.get().showOnCallStart) options.onCallShown?.()
      },
      log,
    }),
    sources: (context) =>
      createCallSources(context, {
        onRefused: (error) => broadcast('actions:performed', { source: 'integration', action: 'call-start', error }),
        microphone: {
          onState: (state) => {
            // A new question shows the window like a call does: without taking focus.
            const prompt = state.prompt ? `${state.prompt.kind}:${state.prompt.app}` : null
            if (prompt && prompt !== shownPrompt) options.onCallShown?.()
            shownPrompt = prompt
            broadcast('mic:changed', state)
          },
          remember: (program, choice) =>
            app.settings.update({ micApps: { ...app.settings.get().micApps, [program]: choice } }),
          ...options.microphone,
        },
      }),
    log,
  })
  return { integrations }
}
