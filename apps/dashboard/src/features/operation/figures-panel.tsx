import type { ReportSummary } from '@lintas/contracts';
import { memo, useMemo } from 'react';
import { t, tn } from '../../i18n/i18n';
import { reportKindLabel } from '../../ui/labels';
import { formatTime } from '../../ui/time-text';
import { DocumentCheckFigures } from './document-check-figures';
import { type Bar, reportsByDay, reportsByKind, reportsBySite } from './figures';
import './figures-panel.css';

const DAYS = 14;

/** Figures for the reports the filters show: by kind, by day, by site, as small hand-drawn SVG charts. */
export const FiguresPanel = memo(function FiguresPanel({
  reports,
  now,
  siteName,
  operationId,
}: {
  reports: readonly ReportSummary[];
  now: number;
  siteName: (siteId: string) => string | null;
  operationId?: string;
}) {
  const dayBucket = Math.floor(now / 3_600_000); // the day chart moves on with the hour, not every tick
  const byKind = useMemo(() => reportsByKind(reports), [reports]);
  const byDay = useMemo(() => reportsByDay(reports, dayBucket * 3_600_000, DAYS), [reports, dayBucket]);
  const bySite = useMemo(() => reportsBySite(reports, siteName, 6, t('figures.otherSites')), [reports, siteName]);
  return (
    <div className="figures" data-testid="figures">
      <p className="muted">{tn('figures.reportsShown', reports.length)}</p>
      <h4>{t('figures.byKind')}</h4>
      <HorizontalBars bars={(Object.keys(byKind) as (keyof typeof byKind)[]).map((kind) => ({ key: kind, label: reportKindLabel(kind), value: byKind[kind] }))} testId="figures-kind" />
      <h4>{t('figures.byDay', { days: DAYS })}</h4>
      <DayColumns days={byDay} />
      <h4>{t('figures.bySite')}</h4>
      {bySite.length ? <HorizontalBars bars={bySite} testId="figures-site" /> : <p className="muted">{t('figures.noSites')}</p>}
      {operationId && <DocumentCheckFigures operationId={operationId} refreshKey={checkRefreshKey(reports)} siteName={siteName} />}
    </div>
  );
});

/** Changes when an alert appears or is settled: the check figures are read again then. */
function checkRefreshKey(reports: readonly ReportSummary[]): string {
  let alerts = 0;
  let latest = 0;
  for (const report of reports) {
    if (report.kind !== 'alert') continue;
    alerts += 1;
    latest = Math.max(latest, report.version);
  }
  return `${alerts}:${latest}`;
}

const BAR_HEIGHT = 18;
const GAP = 6;
const LABEL_WIDTH = 130;
const WIDTH = 360;

function HorizontalBars({ bars, testId }: { bars: readonly Bar[]; testId: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * (BAR_HEIGHT + GAP);
  const room = WIDTH - LABEL_WIDTH - 48;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" data-testid={testId} aria-label={bars.map((bar) => `${bar.label}: ${bar.value}`).join(', ')}>
      {bars.map((bar, index) => {
        const y = index * (BAR_HEIGHT + GAP);
        const width = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * room);
        return (
          <g key={bar.key} className={`chart__bar chart__bar--${bar.key}`}>
            <text x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT - 5} textAnchor="end" className="chart__label">
              {truncate(bar.label, 20)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={2} />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT - 5} className="chart__value">
              {bar.value.toLocaleString()}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function DayColumns({ days }: { days: readonly { day: string; date: Date; value: number }[] }) {
  const height = 90;
  const max = Math.max(1, ...days.map((day) => day.value));
  const column = WIDTH / days.length;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height + 18}`} width="100%" role="img" data-testid="figures-day" aria-label={days.map((day) => `${formatTime(day.date, 'date')}: ${day.value}`).join(', ')}>
      {days.map((day, index) => {
        const barHeight = (day.value / max) * (height - 14);
        return (
          <g key={day.day} className="chart__bar">
            <title>{`${formatTime(day.date, 'date')}: ${day.value}`}</title>
            <rect x={index * column + 3} y={height - barHeight} width={column - 6} height={barHeight} rx={2} />
            {day.value > 0 && (
              <text x={index * column + column / 2} y={height - barHeight - 3} textAnchor="middle" className="chart__value">
                {day.value}
              </text>
            )}
            {(index % 2 === 1 || days.length <= 7) && (
              <text x={index * column + column / 2} y={height + 14} textAnchor="middle" className="chart__label">
                {formatTime(day.date, 'date')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
