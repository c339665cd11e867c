import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator, currentLocale, setLocale } from './translate';

describe('one catalogue mechanism, one locale for every catalogue', () => {
  afterEach(() => setLocale('en'));

  it('fills placeholders, and picks plurals, in the locale in force', () => {
    const room = createTranslator({ hello: 'Hello {name}', teams_one: '{count} team', teams_other: '{count} teams' });
    room.register('ms', { hello: 'Helo {name}', teams_one: '{count} pasukan', teams_other: '{count} pasukan' });
    expect(room.t('hello', { name: 'Dara' })).toBe('Hello Dara');
    expect(room.tn('teams', 1)).toBe('1 team');
    expect(room.tn('teams', 1200)).toBe('1,200 teams');
    setLocale('ms');
    expect(room.t('hello', { name: 'Dara' })).toBe('Helo Dara');
    expect(room.tn('teams', 2)).toBe('2 pasukan');
  });

  it('switches every catalogue at once: a page shows one language', () => {
    const room = createTranslator({ title: 'Operations' });
    const field = createTranslator({ title: 'Field' });
    room.register('th', { title: 'ปฏิบัติการ' });
    field.register('th', { title: 'ภาคสนาม' });
    setLocale('th');
    expect(currentLocale()).toBe('th');
    expect([room.t('title'), field.t('title')]).toEqual(['ปฏิบัติการ', 'ภาคสนาม']);
    expect(room.has('th') && !room.has('vi')).toBe(true);
  });
});
