import { describe, expect, it } from 'vitest';
import { initialLanguage, LANGUAGE_STORAGE_KEY, languageFromBrowser, languageFromQuery } from './languages';

const stored = (value: string | null) => ({ getItem: (key: string) => (key === LANGUAGE_STORAGE_KEY ? value : null) });

describe('the language a page starts in', () => {
  it('takes ?lang= first, then the choice kept on this browser, then the browser’s languages, then English', () => {
    expect(initialLanguage('?lang=km', stored('th'), ['vi'])).toBe('km');
    expect(initialLanguage('?next=/x', stored('th'), ['vi'])).toBe('th');
    expect(initialLanguage('', stored(null), ['fr-FR', 'vi-VN'])).toBe('vi');
    expect(initialLanguage('', null, ['de'])).toBe('en');
  });

  it('ignores what Lintas does not speak', () => {
    expect(languageFromQuery('?lang=fr')).toBeNull();
    expect(languageFromQuery('?lang=TH')).toBeNull();
    expect(initialLanguage('?lang=xx', stored('nonsense'), [])).toBe('en');
  });

  it('reads the browser’s regional and older tags', () => {
    expect(languageFromBrowser(['th-TH'])).toBe('th');
    expect(languageFromBrowser(['tl-PH'])).toBe('fil');
    expect(languageFromBrowser(['fil-PH'])).toBe('fil');
    expect(languageFromBrowser(['in'])).toBe('id');
    expect(languageFromBrowser(['ms-MY'])).toBe('ms');
  });
});
