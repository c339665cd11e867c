import { polygonSchema, type Polygon } from '@lintas/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { administrationApi } from '../../api/administration-api';
import { useClientConfig } from '../../app/client-config';
import { useApi } from '../../auth/session-context';
import { t } from '../../i18n/i18n';
import { BaseMap } from '../../map/base-map';
import { AreaDrawLayer } from '../../map/layers/area-draw-layer';
import { FieldError } from '../../ui/field-error';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../ui/form-errors';
import './planning.css';
import { issueText } from '../../i18n/issue-text';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `/operations/new`: a commander creates an operation led by its agency, its area drawn on the map. */
export function CreateOperationPage() {
  const api = useApi();
  const planning = useMemo(() => administrationApi(api), [api]);
  const navigate = useNavigate();
  const { config } = useClientConfig();
  const [form, setForm] = useState({ code: '', name: '', description: '', startsAt: '', endsAt: '', exercise: false, timeZone: browserZone() });
  const [area, setArea] = useState<Polygon | null>(null);
  const [draw, setDraw] = useState(0);
  const [clear, setClear] = useState(0);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const areaProblem = useMemo(() => {
    if (!area) return null;
    const checked = polygonSchema.safeParse(area);
    return checked.success ? null : checked.error.issues[0] ? issueText(checked.error.issues[0]) : t('planning.create.areaInvalid');
  }, [area]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (areaProblem) return setErrors({ fields: { area: areaProblem }, form: null });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const operation = await planning.createOperation({
        code: form.code.trim().toUpperCase(),
        name: form.name,
        description: form.description,
        exercise: form.exercise,
        timeZone: form.timeZone,
        startsAt: form.startsAt ? new Date(form.startsAt).toISOString() : null,
        endsAt: form.endsAt ? new Date(form.endsAt).toISOString() : null,
        area,
      });
      navigate(`/operations/${operation.id}?plan=1`);
    } catch (failure) {
      setErrors(formErrorsOf(failure));
      setBusy(false);
    }
  };

  return (
    <div className="create-op" data-testid="create-operation">
      <form className="create-op__form" onSubmit={submit} aria-labelledby="create-op-title">
        <h2 id="create-op-title">{t('planning.create.title')}</h2>
        <p className="muted">{t('planning.create.intro')}</p>
        <label className="field">
          <span>{t('planning.create.code')}</span>
          <input name="code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} placeholder="OP-MEKONG-GATE" aria-describedby="op-code" />
          <FieldError id="op-code" message={errors.fields.code} />
        </label>
        <label className="field">
          <span>{t('planning.create.name')}</span>
          <input name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-describedby="op-name" />
          <FieldError id="op-name" message={errors.fields.name} />
        </label>
        <label className="field">
          <span>{t('planning.create.objective')}</span>
          <textarea name="description" rows={3} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} aria-describedby="op-description" />
          <FieldError id="op-description" message={errors.fields.description} />
        </label>
        <div className="create-op__row">
          <label className="field">
            <span>{t('planning.create.starts')}</span>
            <input name="startsAt" type="datetime-local" value={form.startsAt} onChange={(e) => setForm({ ...form, startsAt: e.target.value })} aria-describedby="op-startsAt" />
            <FieldError id="op-startsAt" message={errors.fields.startsAt} />
          </label>
          <label className="field">
            <span>{t('planning.create.ends')}</span>
            <input name="endsAt" type="datetime-local" value={form.endsAt} onChange={(e) => setForm({ ...form, endsAt: e.target.value })} aria-describedby="op-endsAt" />
            <FieldError id="op-endsAt" message={errors.fields.endsAt} />
          </label>
        </div>
        <label className="field">
          <span>{t('planning.create.timeZone')}</span>
          <input name="timeZone" value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} aria-describedby="op-timeZone" />
          <FieldError id="op-timeZone" message={errors.fields.timeZone} />
        </label>
        <fieldset className="create-op__kind">
          <legend>{t('planning.create.kind')}</legend>
          <label>
            <input type="radio" name="exercise" checked={!form.exercise} onChange={() => setForm({ ...form, exercise: false })} /> {t('planning.create.live')}
          </label>
          <label>
            <input type="radio" name="exercise" checked={form.exercise} onChange={() => setForm({ ...form, exercise: true })} data-testid="op-exercise" /> {t('planning.create.exercise')}
          </label>
        </fieldset>
        <div className="field">
          <span>{t('planning.create.area')}</span>
          <p className="muted" data-testid="area-state">
            {area ? t('planning.create.areaDrawn', { corners: area.coordinates[0].length - 1 }) : t('planning.create.areaNone')}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setDraw((n) => n + 1)} data-testid="draw-area">
              {area ? t('planning.create.redraw') : t('planning.create.draw')}
            </button>
            {area && (
              <button type="button" className="button" onClick={() => setClear((n) => n + 1)}>
                {t('planning.create.clearArea')}
              </button>
            )}
          </div>
          <FieldError id="op-area" message={errors.fields.area ?? areaProblem ?? undefined} />
        </div>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="create-operation-submit">
            {t('planning.create.submit')}
          </button>
          <Link to="/" className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
      <div className="create-op__map" data-testid="create-operation-map">
        <BaseMap tileUrl={config?.tileUrl} tileAttribution={config?.tileAttribution}>
          <AreaDrawLayer initial={null} drawRequest={draw} clearRequest={clear} onChange={setArea} />
        </BaseMap>
        <p className="create-op__hint">{t('planning.create.drawHint')}</p>
      </div>
    </div>
  );
}
