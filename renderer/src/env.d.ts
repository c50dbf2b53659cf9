/// <reference types="vite/client" />
import type { HostApi } from '@shared/api'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in the browser, where the WebSocket bridge is used. */
    calmdeck?: HostApi
  }
}
