import type { Language, TimeDisplay, UpdatePreferences, User } from '@lintas/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { setTimeDisplay as setSharedTimeDisplay, timeDisplay } from '../ui/time-text';
import { LANGUAGE_NAMES, LANGUAGES, languageFromQuery, rememberLanguage } from './languages';
import { currentLocale } from './translate';

/**
 * The page's language and time display, for the operations room and the field page alike (each
 * passes its own catalogue loader). Signed in, the user's saved preferences apply, unless the page
 * was opened with `?lang=`, which is a choice like the switch's: kept on this browser and saved as
 * the user's preference.
 */
export interface LanguageState {
  language: Language;
  timeDisplay: TimeDisplay;
  chooseLanguage(code: Language): void;
  chooseTimeDisplay(display: TimeDisplay): void;
}

export interface LanguageChoiceOptions {
  user: User | null;
  /** Loads the page's catalogue for the language and switches its texts to it. */
  switchLanguage(code: Language): Promise<void>;
  /** Saves the signed-in user's preferences on the server; answers the user as saved. */
  savePreferences(changes: UpdatePreferences): Promise<User>;
  /** The saved user replaces the session's (so a reload starts with it). */
  onSaved(user: User): void;
}

export function useLanguageChoice({ user, switchLanguage, savePreferences, onSaved }: LanguageChoiceOptions): LanguageState {
  const [language, setLanguage] = useState<Language>(() => currentLocale() as Language);
  const [display, setDisplay] = useState<TimeDisplay>(() => timeDisplay());
  const fromAddress = useRef(typeof window === 'undefined' ? null : languageFromQuery(window.location.search));
  const signedIn = user !== null;

  // Loads and switches; the caller then renders the page in it (`.then(setLanguage)`).
  const apply = useCallback(
    async (code: Language): Promise<Language> => {
      await switchLanguage(code);
      rememberLanguage(code);
      return code;
    },
    [switchLanguage],
  );
  const save = useCallback(
    (changes: UpdatePreferences) => {
      // Offline or refused: the choice still holds on this browser.
      if (signedIn) savePreferences(changes).then(onSaved, () => undefined);
    },
    [signedIn, savePreferences, onSaved],
  );

  const savedLanguage = user?.preferences?.language ?? null;
  const savedDisplay = user?.preferences?.timeDisplay ?? null;

  // The saved time display applies while rendering (no extra render pass), once per saved value.
  const [appliedDisplay, setAppliedDisplay] = useState<string | null>(null);
  const displayMarker = signedIn && savedDisplay ? `${user.id}:${savedDisplay}` : null;
  if (displayMarker !== appliedDisplay) {
    setAppliedDisplay(displayMarker);
    if (savedDisplay && savedDisplay !== display) {
      setSharedTimeDisplay(savedDisplay);
      setDisplay(savedDisplay);
    }
  }

  // The saved language needs its catalogue first: applied once loaded.
  useEffect(() => {
    if (!signedIn) return;
    const addressed = fromAddress.current;
    if (addressed) {
      if (savedLanguage !== addressed) save({ language: addressed });
    } else if (savedLanguage && savedLanguage !== currentLocale()) {
      apply(savedLanguage).then(setLanguage, () => undefined);
    }
    // Only when the user or their saved language changes, not on every new callback.
  }, [user?.id, signedIn, savedLanguage]); // eslint-disable-line react-hooks/exhaustive-deps

  return useMemo<LanguageState>(
    () => ({
      language,
      timeDisplay: display,
      chooseLanguage: (code) => {
        fromAddress.current = null;
        apply(code).then(
          (applied) => {
            setLanguage(applied);
            save({ language: applied });
          },
          () => undefined,
        );
      },
      chooseTimeDisplay: (next) => {
        setSharedTimeDisplay(next);
        setDisplay(next);
        save({ timeDisplay: next });
      },
    }),
    [language, display, apply, save],
  );
}

export const LanguageContext = createContext<LanguageState | null>(null);

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage: render inside a LanguageContext provider');
  return state;
}

/** The language switch: each language in its own name. `label` comes from the page's catalogue. */
export function LanguageSelect({ label, className }: { label: string; className: string }) {
  const { language, chooseLanguage } = useLanguage();
  return (
    <select className={className} aria-label={label} title={label} value={language} onChange={(event) => chooseLanguage(event.target.value as Language)} data-testid="language-switch">
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}
