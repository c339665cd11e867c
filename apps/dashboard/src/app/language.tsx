import type { TimeDisplay } from '@lintas/contracts';
import { Fragment, type ReactNode, useCallback } from 'react';
import { useApi, useSession, useSessionStore } from '../auth/session-context';
import { switchDashboardLanguage } from '../i18n/dashboard-languages';
import { t } from '../i18n/i18n';
import { LanguageContext, LanguageSelect, useLanguage, useLanguageChoice } from '../i18n/language-choice';
import { initialLanguage } from '../i18n/languages';

/** The page's language on the first render: loaded before React renders (see `main.tsx`), so no English flashes first. */
export async function prepareLanguage(): Promise<void> {
  await switchDashboardLanguage(initialLanguage()).catch(() => switchDashboardLanguage('en'));
}

/**
 * The operations room's language and time display (see `i18n/language-choice.tsx`). Texts are read
 * when components render, so a change renders the pages below again from the start (`key`): a
 * change is rare, and this keeps every component free of a subscription.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const store = useSessionStore();
  const api = useApi();
  const state = useLanguageChoice({
    user: session?.user ?? null,
    switchLanguage: switchDashboardLanguage,
    savePreferences: useCallback((changes) => api.updatePreferences(changes), [api]),
    onSaved: useCallback((user) => store.updateUser(user), [store]),
  });
  return (
    <LanguageContext.Provider value={state}>
      <Fragment key={`${state.language}:${state.timeDisplay}`}>{children}</Fragment>
    </LanguageContext.Provider>
  );
}

export function LanguageSwitch() {
  return <LanguageSelect className="header-select" label={t('shell.language')} />;
}

/** Local time or UTC, for every time on the page. */
export function TimeDisplaySwitch() {
  const { timeDisplay, chooseTimeDisplay } = useLanguage();
  return (
    <select className="header-select" aria-label={t('shell.time')} title={t('shell.time')} value={timeDisplay} onChange={(event) => chooseTimeDisplay(event.target.value as TimeDisplay)} data-testid="time-display-switch">
      <option value="local">{t('shell.time.local')}</option>
      <option value="utc">{t('shell.time.utc')}</option>
    </select>
  );
}
