import type { SetPasswordLink } from '@lintas/contracts';
import { useState } from 'react';
import { t } from '../../i18n/i18n';
import '../../ui/field-error.css';
import { TimeText } from '../../ui/time-text';

/**
 * The one-time link of a new or reset account, shown once: the server keeps only its hash, so
 * closing this box loses it (a new reset makes another). The administrator hands it over; nobody
 * but its holder ever knows the password.
 */
export function SetPasswordLinkBox({ email, link, onDone }: { email: string; link: SetPasswordLink; onDone(): void }) {
  const url = `${window.location.origin}${link.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="link-box" role="region" aria-label={t('admin.link.title')} data-testid="set-password-link">
      <h4>{t('admin.link.title')}</h4>
      <p>{t('admin.link.for', { email })}</p>
      <input className="link-box__url" readOnly value={url} onFocus={(e) => e.target.select()} data-testid="set-password-url" aria-label={t('admin.link.title')} />
      <p className="muted">
        {t('admin.link.once')} {t('admin.link.expires')} <TimeText value={link.expiresAt} style="datetime" />
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => undefined);
          }}
        >
          {copied ? t('admin.link.copied') : t('admin.link.copy')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone} data-testid="set-password-link-done">
          {t('admin.link.done')}
        </button>
      </div>
    </div>
  );
}
