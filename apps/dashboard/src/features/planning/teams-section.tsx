import type { Operation, Team, User } from '@lintas/contracts';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { AdministrationApi } from '../../api/administration-api';
import { isAbortError } from '../../api/api-error';
import { useUser } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { ConfirmAction } from '../../ui/confirm-action';
import { FieldError } from '../../ui/field-error';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../ui/form-errors';

/** Who is signed in changes without an operation event: the list of accounts is read again this often. */
const ACCOUNTS_REFRESH_MS = 15_000;

/** The viewer's agency's field officers, with whether each is signed in, kept fresh while planning is open. */
function useAgencyFieldUsers(api: AdministrationApi, agencyId: string): User[] {
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      api.listUsers(controller.signal).then(
        (all) => setUsers(all.filter((user) => user.agency.id === agencyId && user.role === 'field' && !user.disabled)),
        (failure: unknown) => {
          if (!isAbortError(failure)) console.warn('planning: the accounts could not be loaded', failure);
        },
      );
    void load();
    const timer = setInterval(load, ACCOUNTS_REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [api, agencyId]);
  return users;
}

/** Teams of the viewer's agency: create with a call sign and members, add and remove members, see who is signed in. */
export function TeamsSection({ operation, api }: { operation: Operation; api: AdministrationApi }) {
  const me = useUser();
  const teams = useOperationSelector((state) => state.teams);
  const mine = useMemo(() => [...teams.values()].filter((team) => team.agency.id === me.agency.id).sort((a, b) => a.callSign.localeCompare(b.callSign)), [teams, me.agency.id]);
  const officers = useAgencyFieldUsers(api, me.agency.id);
  const signedIn = useMemo(() => new Map(officers.map((user) => [user.id, user.signedIn])), [officers]);
  const [form, setForm] = useState({ callSign: '', size: '4', members: [] as string[] });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [error, setError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    try {
      await api.createTeam(operation.id, { callSign: form.callSign.trim(), size: Math.max(form.members.length, Number(form.size) || 1), memberUserIds: form.members, status: 'on_station' });
      setForm({ callSign: '', size: '4', members: [] });
    } catch (failure) {
      setErrors(formErrorsOf(failure));
    }
  };

  const setMembers = async (team: Team, memberUserIds: string[]) => {
    setError(null);
    try {
      await api.updateTeam(team.id, { memberUserIds });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <section className="planning__section" aria-labelledby="planning-teams">
      <h4 id="planning-teams">{t('planning.teams.title', { agency: me.agency.code })}</h4>
      {mine.length === 0 && <p className="muted">{t('planning.teams.none')}</p>}
      {mine.map((team) => {
        const members = new Set(team.members.map((member) => member.userId));
        const addable = officers.filter((user) => !members.has(user.id));
        return (
          <div key={team.id} className="planning__team" data-testid="planning-team" data-call-sign={team.callSign}>
            <strong>{team.callSign}</strong>
            <ul className="planning__list">
              {team.members.length === 0 && <li className="muted">{t('planning.teams.noMembers')}</li>}
              {team.members.map((member) => (
                <li key={member.userId} data-member={member.name}>
                  <span>
                    <span className={`presence presence--${signedIn.get(member.userId) ? 'on' : 'off'}`} aria-hidden="true" /> {member.name}{' '}
                    <span className="muted" data-testid="member-presence">
                      {signedIn.get(member.userId) ? t('planning.teams.signedIn') : t('planning.teams.signedOut')}
                    </span>
                  </span>
                  <ConfirmAction
                    label={t('planning.remove')}
                    question={t('planning.teams.removeMemberQuestion', { name: member.name, team: team.callSign })}
                    onConfirm={() => setMembers(team, [...members].filter((id) => id !== member.userId))}
                  />
                </li>
              ))}
            </ul>
            {addable.length > 0 && (
              <label className="field field--inline">
                <span>{t('planning.teams.addMember')}</span>
                <select value="" onChange={(e) => e.target.value && void setMembers(team, [...members, e.target.value])} data-testid="add-member">
                  <option value="">{t('admin.choose')}</option>
                  {addable.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        );
      })}
      {error && <p className="form-error" role="alert">{error}</p>}
      <form className="planning__form planning__form--team" onSubmit={create} data-testid="team-form">
        <h5>{t('planning.teams.new')}</h5>
        <label className="field">
          <span>{t('planning.teams.callSign')}</span>
          <input required value={form.callSign} onChange={(e) => setForm({ ...form, callSign: e.target.value })} aria-describedby="team-callSign" data-testid="team-call-sign" />
          <FieldError id="team-callSign" message={errors.fields.callSign} />
        </label>
        <label className="field">
          <span>{t('planning.teams.size')}</span>
          <input type="number" min={1} max={500} value={form.size} onChange={(e) => setForm({ ...form, size: e.target.value })} aria-describedby="team-size" />
          <FieldError id="team-size" message={errors.fields.size} />
        </label>
        <fieldset className="planning__members">
          <legend>{t('planning.teams.members')}</legend>
          {officers.length === 0 && <p className="muted">{t('planning.teams.noOfficers')}</p>}
          {officers.map((user) => (
            <label key={user.id}>
              <input
                type="checkbox"
                checked={form.members.includes(user.id)}
                onChange={(e) => setForm({ ...form, members: e.target.checked ? [...form.members, user.id] : form.members.filter((id) => id !== user.id) })}
                data-testid="team-member-option"
                data-name={user.name}
              />{' '}
              <span className={`presence presence--${user.signedIn ? 'on' : 'off'}`} aria-hidden="true" /> {user.name}
            </label>
          ))}
          <FieldError id="team-memberUserIds" message={errors.fields.memberUserIds} />
        </fieldset>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <button type="submit" className="button button--primary" data-testid="team-create">
          {t('planning.teams.create')}
        </button>
      </form>
    </section>
  );
}
