import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../i18n/error-text';
import { useClientConfig } from '../app/client-config';
import { t } from '../i18n/i18n';
import { BaseMap } from '../map/base-map';
import { homePathFor, safeNextPath, useSession, useSessionStore } from './session-context';
import './sign-in-page.css';

/** `/sign-in`: e-mail and password, over the embedded map; back to `?next=` (or the user's home) afterwards. */
export function SignInPage() {
  const store = useSessionStore();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { config } = useClientConfig();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNextPath(params.get('next'));

  if (session && !busy) return <Navigate to={next ?? homePathFor(session.user)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const user = await store.signIn(email.trim(), password);
      navigate(next ?? homePathFor(user), { replace: true });
    } catch (failure) {
      setError(t('signIn.failed', { message: errorText(failure) }));
      setBusy(false);
    }
  };

  const ended = store.getEnd();
  return (
    <div className="sign-in">
      {/* inert as well as hidden: the map's zoom buttons and attribution links must not take the focus either (WCAG 4.1.2). */}
      <div className="sign-in__backdrop" aria-hidden="true" inert>
        <BaseMap tileUrl={config?.tileUrl} tileAttribution={config?.tileAttribution} vectorBasemap={config?.vectorBasemap} />
      </div>
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title" data-testid="sign-in-form">
        <h2 id="sign-in-title">{t('signIn.title')}</h2>
        <p className="sign-in__intro">{t('signIn.intro')}</p>
        {ended === 'expired' && <p className="sign-in__notice">{t('signIn.sessionEnded')}</p>}
        {ended === 'signed-out' && <p className="sign-in__notice">{t('signIn.signedOut')}</p>}
        <label className="field">
          <span>{t('signIn.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="sign-in__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        {config?.demo && <p className="sign-in__hint">{t('signIn.demoHint')}</p>}
      </form>
    </div>
  );
}
