import { polygonSchema, type Operation, type Polygon } from '@lintas/contracts';
import { useMemo, useState } from 'react';
import type { AdministrationApi } from '../../api/administration-api';
import { useClientConfig } from '../../app/client-config';
import { t } from '../../i18n/i18n';
import { BaseMap } from '../../map/base-map';
import { AreaDrawLayer } from '../../map/layers/area-draw-layer';
import { FieldError } from '../../ui/field-error';
import { formErrorsOf } from '../../ui/form-errors';
import { issueText } from '../../i18n/issue-text';

/** The area of operations, changed on a map of its own: drag its corners, or draw it again. */
export function AreaSection({ operation, api }: { operation: Operation; api: AdministrationApi }) {
  const [editing, setEditing] = useState(false);
  return (
    <section className="planning__section" aria-labelledby="planning-area">
      <h4 id="planning-area">{t('planning.create.area')}</h4>
      <p className="muted">{operation.area ? t('planning.create.areaDrawn', { corners: operation.area.coordinates[0].length - 1 }) : t('planning.create.areaNone')}</p>
      <div className="form-actions">
        <button type="button" className="button button--small" onClick={() => setEditing(true)} data-testid="edit-area">
          {t('planning.area.change')}
        </button>
      </div>
      {editing && <AreaDialog operation={operation} api={api} onClose={() => setEditing(false)} />}
    </section>
  );
}

function AreaDialog({ operation, api, onClose }: { operation: Operation; api: AdministrationApi; onClose(): void }) {
  const { config } = useClientConfig();
  const [area, setArea] = useState<Polygon | null>(operation.area);
  const [draw, setDraw] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = useMemo(() => {
    if (!area) return null;
    const checked = polygonSchema.safeParse(area);
    return checked.success ? null : checked.error.issues[0] ? issueText(checked.error.issues[0]) : t('planning.create.areaInvalid');
  }, [area]);
  const bounds = useMemo(() => {
    const ring = operation.area?.coordinates[0];
    if (!ring) return undefined;
    const lats = ring.map(([, lat]) => lat);
    const lons = ring.map(([lon]) => lon);
    // A margin round the area, so that its corners can be grabbed and moved outwards.
    const padLat = (Math.max(...lats) - Math.min(...lats)) * 0.3;
    const padLon = (Math.max(...lons) - Math.min(...lons)) * 0.3;
    return [
      [Math.min(...lats) - padLat, Math.min(...lons) - padLon],
      [Math.max(...lats) + padLat, Math.max(...lons) + padLon],
    ] as [[number, number], [number, number]];
  }, [operation.area]);

  const save = async () => {
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await api.updateOperation(operation.id, { area });
      onClose();
    } catch (failure) {
      const errors = formErrorsOf(failure);
      setError(errors.fields.area ?? errors.form ?? Object.values(errors.fields)[0] ?? null);
      setBusy(false);
    }
  };

  return (
    <div className="area-dialog" role="dialog" aria-modal="true" aria-label={t('planning.area.change')} data-testid="area-dialog">
      <div className="area-dialog__map">
        <BaseMap tileUrl={config?.tileUrl} tileAttribution={config?.tileAttribution} initialBounds={bounds}>
          <AreaDrawLayer initial={operation.area} drawRequest={draw} clearRequest={0} onChange={setArea} />
        </BaseMap>
      </div>
      <div className="area-dialog__bar">
        <p className="muted">{t('planning.area.hint')}</p>
        <FieldError id="area-dialog-error" message={error ?? problem ?? undefined} />
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setDraw((n) => n + 1)}>
            {t('planning.create.redraw')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={busy || !!problem} onClick={save} data-testid="area-save">
            {t('planning.area.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
