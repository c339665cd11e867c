import { takDeviceUidSchema, type Operation, type TakDevice, type Team } from '@lintas/contracts';
import { mayBindTakDevice } from '@lintas/contracts/plain';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error';
import { useApi, useUser } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import './team-devices.css';

/**
 * The TAK devices (ATAK, WinTAK, iTAK) bound to a team: their CoT uids, and for a commander of the
 * team's agency a field to bind another and a button to unbind one. A bound device's positions on
 * the CoT listener become the team's (docs/tak.md).
 */
export function TeamDevices({ team, operation }: { team: Team; operation: Operation }) {
  const api = useApi();
  const user = useUser();
  const [devices, setDevices] = useState<TakDevice[] | null>(null);
  const [uid, setUid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayBind = mayBindTakDevice({ role: user.role, agencyId: user.agency.id }, { agencyId: team.agency.id }) && operation.status !== 'closed' && operation.myRole !== 'observer';

  const load = useCallback(
    (signal?: AbortSignal) =>
      api.listTeamDevices(operation.id, team.id, signal).then(
        (list) => setDevices(list),
        (failure: unknown) => {
          if (!signal?.aborted) setError(failure instanceof ApiError ? errorText(failure) : t('devices.failed'));
        },
      ),
    [api, operation.id, team.id],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const act = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await change();
      await load();
    } catch (failure) {
      setError(failure instanceof ApiError ? errorText(failure) : t('devices.failed'));
    } finally {
      setBusy(false);
    }
  };
  const bind = (event: FormEvent) => {
    event.preventDefault();
    const checked = takDeviceUidSchema.safeParse(uid);
    if (!checked.success) return setError(t('devices.invalidUid'));
    void act(async () => {
      await api.bindTeamDevice(operation.id, team.id, checked.data);
      setUid('');
    });
  };

  return (
    <div className="team-devices" data-testid="team-devices">
      <h4>{t('devices.title')}</h4>
      {devices === null && !error && <p className="muted">{t('common.loading')}</p>}
      {devices?.length === 0 && <p className="muted">{t('devices.none')}</p>}
      {devices && devices.length > 0 && (
        <ul>
          {devices.map((device) => (
            <li key={device.uid} data-testid="team-device">
              <code>{device.uid}</code>
              {mayBind && (
                <button type="button" className="button button--small" disabled={busy} onClick={() => void act(() => api.unbindTeamDevice(operation.id, team.id, device.uid))}>
                  {t('devices.unbind')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayBind && (
        <form className="team-devices__bind" onSubmit={bind}>
          <label>
            {t('devices.uid')}
            <input value={uid} onChange={(event) => setUid(event.target.value)} placeholder="ANDROID-…" data-testid="device-uid" autoComplete="off" spellCheck={false} />
          </label>
          <button type="submit" className="button button--small" disabled={busy || uid.trim() === ''} data-testid="bind-device">
            {t('devices.bind')}
          </button>
        </form>
      )}
      {error && (
        <p className="team-devices__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
