import { ASEAN_COUNTRIES, type CreateReport, distanceMetres, INTERCEPTION_KINDS, type LatLon, MARKINGS, type Site } from '@lintas/contracts';
import { type FormEvent, lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { interceptionKindLabel } from '../ui/labels';
import { newClientId } from './client-id';
import { ft, type FieldTextKey } from '../i18n/field-i18n';
import { currentPosition } from './geolocation';
import { buildReport, COUNT_FIELDS, type CountField, emptyForm, type FieldErrors, type Place, type ReportFormValues, toLocalInput } from './report-form';
import type { Assignment } from './use-field-context';
import { PersonalDataHint } from './alert/personal-data-hint';

const MapPicker = lazy(() => import('./map-picker'));

export interface ReportFormViewProps {
  kind: 'interception' | 'sitrep';
  assignment: Assignment;
  sites: readonly Site[];
  /** Values of a refused post being edited. */
  initial?: ReportFormValues;
  /** Stores the report in the outbox; resolves once it is stored. */
  onSubmit(report: CreateReport): Promise<void>;
  onCancelEdit?: () => void;
}

/** The interception and sitrep forms: checked with the contracts' schema before anything is queued. */
export function ReportFormView({ kind, assignment, sites, initial, onSubmit, onCancelEdit }: ReportFormViewProps) {
  const teamSite = sites.find((site) => site.id === assignment.team.siteId);
  const [values, setValues] = useState<ReportFormValues>(
    () => initial ?? emptyForm(kind, teamSite ? { kind: 'site', siteId: teamSite.id } : { kind: 'none' }, new Date(), kind === 'sitrep' ? ft('sitrep.template') : ''),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<ReportFormValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...patch }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    // A fresh client id per post: the outbox's key, and what makes a retried create apply once.
    const result = buildReport(values, { clientId: newClientId(), teamId: assignment.team.id, sites, callSign: assignment.team.callSign });
    if (!result.ok) {
      setErrors(result.errors);
      setSaved(false);
      // Bring the first field to fix into view, above the sticky save button.
      const form = event.currentTarget as HTMLFormElement;
      requestAnimationFrame(() => form.querySelector('.field-set--invalid')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(result.report);
      setSaved(true);
      setValues(emptyForm(kind, values.place, new Date(), kind === 'sitrep' ? ft('sitrep.template') : ''));
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form className="field-panel field-form" onSubmit={submit} noValidate data-testid={`${kind}-form`}>
      {initial && <p className="field-notice">{ft('form.editing')}</p>}

      {kind === 'interception' && (
        <FieldSet legend={ft('form.kind')} error={errors.interceptionKind} name="interceptionKind">
          <div className="field-chips" role="radiogroup" aria-label={ft('form.kind')}>
            {INTERCEPTION_KINDS.map((option) => (
              <button
                key={option}
                type="button"
                role="radio"
                aria-checked={values.interceptionKind === option}
                className="field-chip"
                onClick={() => set({ interceptionKind: option })}
                data-testid={`kind-${option}`}
              >
                {interceptionKindLabel(option)}
              </button>
            ))}
          </div>
        </FieldSet>
      )}

      <PlaceInput place={values.place} sites={sites} reference={assignment.team.lastPosition ?? teamSite ?? null} error={errors.place} onChange={(place) => set({ place })} />

      <FieldSet legend={ft('form.time')} error={errors.occurredAt} name="occurredAt">
        <div className="field-row">
          <input type="datetime-local" className="field-control" value={values.occurredAt} onChange={(event) => set({ occurredAt: event.target.value })} aria-label={ft('form.time')} />
          <button type="button" className="field-button field-button--small" onClick={() => set({ occurredAt: toLocalInput(new Date()) })}>
            {ft('form.now')}
          </button>
        </div>
      </FieldSet>

      {kind === 'interception' && (
        <>
          <div className="field-counts">
            {COUNT_FIELDS.map((field) => (
              <CountInput key={field} field={field} value={values.counts[field]} error={errors[field]} onChange={(value) => set({ counts: { ...values.counts, [field]: value } })} />
            ))}
          </div>
          <FieldSet legend={ft('form.nationalities')} error={errors.nationalities} name="nationalities">
            <div className="field-chips">
              {ASEAN_COUNTRIES.map((code) => {
                const on = values.nationalities.includes(code);
                return (
                  <button
                    key={code}
                    type="button"
                    className="field-chip field-chip--small"
                    aria-pressed={on}
                    onClick={() => set({ nationalities: on ? values.nationalities.filter((c) => c !== code) : [...values.nationalities, code] })}
                  >
                    {code}
                  </button>
                );
              })}
            </div>
            <input
              className="field-control"
              value={values.otherNationalities}
              onChange={(event) => set({ otherNationalities: event.target.value })}
              placeholder={ft('form.otherNationalities')}
              aria-label={ft('form.otherNationalities')}
              autoCapitalize="characters"
              data-testid="other-nationalities"
            />
          </FieldSet>
        </>
      )}

      <FieldSet legend={ft('form.narrative')} error={errors.narrative} name="narrative">
        <textarea className="field-control" rows={kind === 'sitrep' ? 8 : 4} value={values.narrative} onChange={(event) => set({ narrative: event.target.value })} aria-label={ft('form.narrative')} data-testid="narrative" />
        <PersonalDataHint text={values.narrative} />
      </FieldSet>

      <FieldSet legend={ft('form.title')} error={errors.title} name="title">
        <input className="field-control" value={values.title} onChange={(event) => set({ title: event.target.value })} maxLength={120} aria-label={ft('form.title')} data-testid="title" />
      </FieldSet>

      <FieldSet legend={ft('form.marking')} error={errors.marking} name="marking">
        <select className="field-control" value={values.marking} onChange={(event) => set({ marking: event.target.value as ReportFormValues['marking'] })} aria-label={ft('form.marking')} data-testid="marking">
          {MARKINGS.map((marking) => (
            <option key={marking} value={marking}>
              {marking} — {ft(`form.markingHelp.${marking}` as FieldTextKey)}
            </option>
          ))}
        </select>
      </FieldSet>

      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      {hasErrors && !errors.form && (
        <p className="field-error" role="alert" data-testid="form-errors">
          {ft('form.fix')}
        </p>
      )}
      {saved && (
        <p className="field-success" role="status" data-testid="form-saved">
          {ft('form.queued')}
        </p>
      )}
      <div className="field-submit">
        {onCancelEdit && (
          <button type="button" className="field-button" onClick={onCancelEdit}>
            {ft('form.cancelEdit')}
          </button>
        )}
        <button type="submit" className="field-button field-button--primary field-button--wide" disabled={saving} data-testid="submit-report">
          {initial ? ft('form.resend') : ft('form.queue')}
        </button>
      </div>
    </form>
  );
}

function FieldSet({ legend, error, name, children }: { legend: string; error?: string; name: string; children: ReactNode }) {
  return (
    <fieldset className={error ? 'field-set field-set--invalid' : 'field-set'} data-field={name}>
      <legend>{legend}</legend>
      {children}
      {error && (
        <p className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function CountInput({ field, value, error, onChange }: { field: CountField; value: string; error?: string; onChange(value: string): void }) {
  const label = ft(`form.${field}` as FieldTextKey);
  const step = (delta: number) => {
    const current = /^\d+$/.test(value.trim()) ? Number(value) : 0;
    onChange(String(Math.max(0, current + delta)));
  };
  return (
    <div className={error ? 'field-count field-set--invalid' : 'field-count'} data-field={field}>
      <span className="field-count__label">{label}</span>
      <div className="field-count__row">
        <button type="button" className="field-button field-count__step" onClick={() => step(-1)} aria-label={`${label} −1`}>
          −
        </button>
        <input className="field-control field-count__input" inputMode="numeric" pattern="[0-9]*" value={value} onChange={(event) => onChange(event.target.value)} aria-label={label} data-testid={`count-${field}`} />
        <button type="button" className="field-button field-count__step" onClick={() => step(1)} aria-label={`${label} +1`}>
          +
        </button>
      </div>
      {error && (
        <p className="field-error" data-testid={`error-${field}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function PlaceInput({ place, sites, reference, error, onChange }: { place: Place; sites: readonly Site[]; reference: LatLon | null; error?: string; onChange(place: Place): void }) {
  const [mapOpen, setMapOpen] = useState(false);
  const [locating, setLocating] = useState(false);
  const [gpsError, setGpsError] = useState<string | null>(null);
  // Nearest sites first: the officer's own crossing is at the top.
  const sorted = useMemo(
    () => (reference ? [...sites].sort((a, b) => distanceMetres(reference, a) - distanceMetres(reference, b)) : [...sites].sort((a, b) => a.name.localeCompare(b.name))),
    [sites, reference],
  );
  const useGps = async () => {
    setLocating(true);
    setGpsError(null);
    try {
      const fix = await currentPosition();
      onChange({ kind: 'point', lat: fix.lat, lon: fix.lon, source: 'gps' });
    } catch (failure) {
      setGpsError(ft('position.noGps', { reason: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setLocating(false);
    }
  };
  return (
    <FieldSet legend={ft('form.place')} error={error ?? gpsError ?? undefined} name="place">
      <select
        className="field-control"
        value={place.kind === 'site' ? place.siteId : ''}
        onChange={(event) => onChange(event.target.value ? { kind: 'site', siteId: event.target.value } : { kind: 'none' })}
        aria-label={ft('form.site')}
        data-testid="place-site"
      >
        <option value="">{place.kind === 'point' ? ft('form.point', { lat: place.lat.toFixed(5), lon: place.lon.toFixed(5) }) : ft('form.noSite')}</option>
        {sorted.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name} · {site.country}
          </option>
        ))}
      </select>
      <div className="field-actions field-actions--row">
        <button type="button" className="field-button" onClick={useGps} disabled={locating} data-testid="place-gps">
          {locating ? ft('position.locating') : ft('form.gps')}
        </button>
        <button type="button" className="field-button" onClick={() => setMapOpen(true)}>
          {ft('form.map')}
        </button>
      </div>
      {mapOpen && (
        <Suspense fallback={<div className="field-map-dialog field-map-dialog--loading">…</div>}>
          <MapPicker
            sites={sites}
            centre={place.kind === 'point' ? place : reference}
            onCancel={() => setMapOpen(false)}
            onPick={(point) => {
              setMapOpen(false);
              onChange({ kind: 'point', lat: point.lat, lon: point.lon, source: 'map' });
            }}
          />
        </Suspense>
      )}
    </FieldSet>
  );
}
