/**
 * The system's languages, best first, where no OS API tells them (CLIs, the web host): LC_ALL,
 * LC_MESSAGES and LANG (POSIX tags such as "nl_NL.UTF-8"), then the JavaScript runtime's default.
 * `resolveLocale` in shared/locales.ts picks the app language from them.
 */
export function environmentLocales(env: NodeJS.ProcessEnv): string[] {
  const tags = [env.LC_ALL, env.LC_MESSAGES, env.LANG, Intl.DateTimeFormat().resolvedOptions().locale]
  return tags.filter((tag): tag is string => !!tag)
}
