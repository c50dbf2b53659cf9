/// <reference lib="dom" />
// The first-card floor's page (`web.floor_vue_ws_ms`): the least a Vue + Pinia window must do to
// show an answer from its host. One store, one WebSocket, one round trip, one element rendered
// from the answer. Built with vite like the renderer (tests/bench/first-card.ts).
import { createPinia, defineStore } from 'pinia'
import { createApp, defineComponent, h, ref } from 'vue'

const useAnswer = defineStore('answer', () => {
  const text = ref<string | null>(null)
  function ask(): void {
    const socket = new WebSocket(`ws://${location.host}/bridge`)
    socket.onopen = () => socket.send(JSON.stringify({ id: 1, channel: 'floor:ask', payload: {} }))
    socket.onmessage = (message) => {
      const answer = JSON.parse(String(message.data)) as { result?: { ok: boolean; value?: string } }
      if (answer.result?.ok) text.value = answer.result.value ?? ''
    }
  }
  return { text, ask }
})

const Card = defineComponent({
  setup() {
    const answer = useAnswer()
    answer.ask()
    return () => (answer.text === null ? null : h('div', { 'data-testid': 'card' }, answer.text))
  },
})

createApp(Card).use(createPinia()).mount('#app')
