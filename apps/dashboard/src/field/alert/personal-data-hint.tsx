import { personalDataHints } from '@lintas/contracts';
import { ft } from '../../i18n/field-i18n';

/** Under a free-text field: a warning when the text looks like it holds an identity number or an MRZ. */
export function PersonalDataHint({ text }: { text: string }) {
  const hints = personalDataHints(text);
  if (hints.length === 0) return null;
  return (
    <p className="field-hint" role="note" data-testid="personal-data-hint">
      {ft('privacy.hint')}
    </p>
  );
}
