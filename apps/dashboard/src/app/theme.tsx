import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type Theme = 'dark' | 'light';

export const THEME_STORAGE_KEY = 'lintas.theme';

interface ThemeState {
  theme: Theme;
  toggleTheme(): void;
}

const ThemeContext = createContext<ThemeState | null>(null);

/** The stored choice, else dark: operations rooms are dim. */
export function initialTheme(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Theme {
  return storage?.getItem(THEME_STORAGE_KEY) === 'light' ? 'light' : 'dark';
}

/** Applies the theme as `<html data-theme>`, which the CSS variables in theme.css follow. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setTheme] = useState<Theme>(() => initialTheme());

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    safeStorage()?.setItem(THEME_STORAGE_KEY, theme);
  }, [theme]);

  const toggleTheme = useCallback(() => setTheme((current) => (current === 'dark' ? 'light' : 'dark')), []);
  const value = useMemo(() => ({ theme, toggleTheme }), [theme, toggleTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme: render inside <ThemeProvider>');
  return state;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by policy
  }
}
