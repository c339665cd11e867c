import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { setPassword } from '../api/administration-api';
import { formErrorsOf, type FormErrors, NO_ERRORS } from '../ui/form-errors';
import { FieldError } from '../ui/field-error';
import { t } from '../i18n/i18n';
import './sign-in-page.css';

const MIN_LENGTH = 12;

/**
 * `/set-password?token=…`: the holder of a new or reset account chooses its password with the
 * one-time link an administrator handed over. No session needed; the link's token is the proof.
 */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_LENGTH) return setErrors({ fields: { password: t('setPassword.tooShort', { count: MIN_LENGTH }) }, form: null });
    if (password !== repeat) return setErrors({ fields: { repeat: t('setPassword.mismatch') }, form: null });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const answer = await setPassword({ token, password });
      setDone(answer.email);
    } catch (failure) {
      setErrors(formErrorsOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      {done ? (
        <div className="sign-in__card" data-testid="set-password-done">
          <h2>{t('setPassword.doneTitle')}</h2>
          <p>{t('setPassword.done', { email: done })}</p>
          <Link className="button button--primary" to="/sign-in" data-testid="set-password-sign-in">
            {t('signIn.submit')}
          </Link>
        </div>
      ) : (
        <form className="sign-in__card" onSubmit={submit} aria-labelledby="set-password-title" data-testid="set-password-form">
          <h2 id="set-password-title">{t('setPassword.title')}</h2>
          <p className="sign-in__intro">{t('setPassword.intro', { count: MIN_LENGTH })}</p>
          {!token && <p className="sign-in__error" role="alert">{t('setPassword.noToken')}</p>}
          <label className="field">
            <span>{t('setPassword.password')}</span>
            <input type="password" name="password" autoComplete="new-password" required autoFocus value={password} onChange={(e) => setPasswordValue(e.target.value)} aria-describedby="set-password-password" />
            <FieldError id="set-password-password" message={errors.fields.password} />
          </label>
          <label className="field">
            <span>{t('setPassword.repeat')}</span>
            <input type="password" name="repeat" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} aria-describedby="set-password-repeat" />
            <FieldError id="set-password-repeat" message={errors.fields.repeat} />
          </label>
          {(errors.form || errors.fields.token) && (
            <p className="sign-in__error" role="alert" data-testid="set-password-error">
              {errors.form ?? errors.fields.token}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={busy || !token} data-testid="set-password-submit">
            {t('setPassword.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
