import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { SessionStore } from '../auth/session-store';
import { fieldErrorText, ft } from '../i18n/field-i18n';
import { LanguageSelect } from '../i18n/language-choice';

/** Sign-in for the field page, with the dashboard's session store; light, with no map to download. */
export function FieldSignIn({ store }: { store: SessionStore }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await store.signIn(email.trim(), password);
    } catch (failure) {
      setError(ft('signIn.failed', { message: failure instanceof ApiError ? fieldErrorText(failure.code, failure.message) : String(failure) }));
      setBusy(false);
    }
  };

  return (
    <main className="field field--sign-in">
      <form className="field-card" onSubmit={submit} aria-labelledby="field-sign-in-title" data-testid="field-sign-in">
        <div className="field-card__top">
          <h1 id="field-sign-in-title">{ft('signIn.title')}</h1>
          <LanguageSelect className="field-select" label={ft('language')} />
        </div>
        <p>{ft('signIn.intro')}</p>
        {store.getEnd() === 'expired' && <p className="field-notice">{ft('signIn.ended')}</p>}
        <label className="field-input">
          <span>{ft('signIn.email')}</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="field-input">
          <span>{ft('signIn.password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="field-button field-button--primary" disabled={busy}>
          {busy ? ft('signIn.submitting') : ft('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
