import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './components/App.vue'
import { resolveLocale } from '@shared/locales'
import { loadLocale } from './i18n'
import './styles/base.css'

// The system's language is the likeliest; fetch it while the app asks the host for its settings.
void loadLocale(resolveLocale('auto', navigator.languages))
createApp(App).use(createPinia()).mount('#app')
