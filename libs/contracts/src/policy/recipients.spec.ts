import { describe, expect, it } from 'vitest';
import { judgeRecipients, recipientsAllowed } from './recipients';

describe('TLP:RED recipients', () => {
  it('are named only for TLP:RED', () => {
    expect(recipientsAllowed('TLP:RED', ['a'])).toBe(true);
    expect(recipientsAllowed('TLP:AMBER', [])).toBe(true);
    expect(recipientsAllowed('TLP:AMBER', ['a'])).toBe(false);
    expect(judgeRecipients('TLP:GREEN', ['a'], ['a'])).toEqual({ ok: false, code: 'recipients_only_for_red' });
  });

  it('must take part in the operation, and are answered once each', () => {
    expect(judgeRecipients('TLP:RED', ['a', 'b', 'a'], ['a', 'b', 'c'])).toEqual({ ok: true, recipients: ['a', 'b'] });
    expect(judgeRecipients('TLP:RED', ['a', 'x'], ['a'])).toEqual({ ok: false, code: 'recipient_not_in_operation', strangers: ['x'] });
    expect(judgeRecipients('TLP:AMBER', [], [])).toEqual({ ok: true, recipients: [] });
  });
});
