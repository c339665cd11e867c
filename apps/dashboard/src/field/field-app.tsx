import { Fragment, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ApiClient } from '../api/api-client';
import { SESSION_STORAGE_KEY, SessionStore } from '../auth/session-store';
import { ft } from '../i18n/field-i18n';
import { switchFieldLanguage } from '../i18n/field-languages';
import { LanguageContext, useLanguageChoice } from '../i18n/language-choice';
import { initialLanguage } from '../i18n/languages';
import { FieldPage } from './field-page';
import { FieldSignIn } from './field-sign-in';
import { OutboxStore } from './outbox-store';
import { registerFieldServiceWorker } from './service-worker';
// The page's styles, one file a screen; this order is the cascade (it was one field.css).
import './field-base.css';
import './sync-status-bar.css';
import './team-panel.css';
import './field-form.css';
import './outbox-list.css';
import './field-page.css';
import './map-picker.css';
import './field-sign-in.css';

/** The page's language before the first render (`main.tsx`), so no English flashes first. */
export async function prepareFieldLanguage(): Promise<void> {
  await switchFieldLanguage(initialLanguage()).catch(() => switchFieldLanguage('en'));
}

interface FieldServices {
  session: SessionStore;
  api: ApiClient;
  outbox: OutboxStore;
}

/**
 * The field page as its own small app (loaded by `main.tsx` for `/field`): the dashboard's session
 * store and API client, the outbox, and a light, high-contrast look for daylight.
 */
export function FieldApp() {
  const [services] = useState<FieldServices>(() => {
    const session = new SessionStore();
    return { session, api: new ApiClient({ tokens: session }), outbox: new OutboxStore() };
  });
  const session = useSyncExternalStore(services.session.subscribe, () => services.session.getSession());
  const language = useLanguageChoice({
    user: session?.user ?? null,
    switchLanguage: switchFieldLanguage,
    savePreferences: useCallback((changes) => services.api.updatePreferences(changes), [services]),
    onSaved: useCallback((user) => services.session.updateUser(user), [services]),
  });
  useEffect(() => {
    document.title = ft('title');
  }, [language.language]);

  useEffect(() => {
    const root = document.documentElement;
    const previous = root.dataset.theme;
    root.dataset.theme = 'field';
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', '#ffffff');
    // Installable as its own app ("Add to home screen") that opens on /field.
    if (!document.querySelector('link[rel="manifest"]')) {
      const link = document.createElement('link');
      link.rel = 'manifest';
      link.href = '/field.webmanifest';
      document.head.appendChild(link);
    }
    registerFieldServiceWorker();
    // The access token lives in memory only: after a reload, get one with the cookie (offline, the
    // page opens as signed in all the same and the outbox waits). Another tab signed in or out: follow it.
    void services.session.resume();
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === SESSION_STORAGE_KEY) services.session.syncFromStorage();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('storage', onStorage);
      if (previous) root.dataset.theme = previous;
    };
  }, [services]);

  // A language change renders the page again from the start (texts are read when rendering); the outbox and the session live above.
  return (
    <LanguageContext.Provider value={language}>
      <Fragment key={`${language.language}:${language.timeDisplay}`}>
        {session ? (
          <FieldPage key={session.user.id} user={session.user} session={services.session} api={services.api} outbox={services.outbox} />
        ) : (
          <FieldSignIn store={services.session} />
        )}
      </Fragment>
    </LanguageContext.Provider>
  );
}
