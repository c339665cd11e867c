import { useEffect, useState } from 'react';
import type { Theme } from '../app/theme';

/** `<html data-theme>`, followed: the map also serves pages without the theme provider (field page, sign-in). */
export function useDocumentTheme(): Theme {
  const read = (): Theme => (typeof document !== 'undefined' && document.documentElement.dataset.theme === 'light' ? 'light' : 'dark');
  const [theme, setTheme] = useState<Theme>(read);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
