import type { AfterActionData } from '@lintas/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { agencyColours, UNKNOWN_AGENCY_COLOUR } from '../features/operation/agency-colours';
import { t } from '../i18n/i18n';
import { interceptionKindLabel, operationStatusLabel, reportKindLabel, reportStatusLabel, teamStatusLabel } from '../ui/labels';
import { MarkingLabel } from '../ui/marking-label';
import { AreaMap } from './area-map';
import { printDate, printTime, printZoneName } from './print-time';
import './print.css';

/**
 * The after-action report as a page to print (the API prints it to PDF in headless Chromium):
 * cover, overview with the area map, figures, timeline, lessons, annex of reports. The data is
 * the reader's view, handed in by the API; the running marking of every page is the PDF's header
 * and footer, and the cover shows it too. `data-print-ready` tells the printer when to print.
 */
export function AfterActionPrint({ data }: { data: AfterActionData }) {
  const { operation, figures } = data;
  const [mapReady, setMapReady] = useState(false);
  const onMapReady = useCallback(() => setMapReady(true), []);
  const colours = useMemo(() => agencyColours(operation.participants), [operation.participants]);
  const colourOf = useCallback((id: string) => colours.get(id) ?? UNKNOWN_AGENCY_COLOUR, [colours]);
  const agencyCode = useMemo(() => new Map(operation.participants.map((p) => [p.agency.id, p.agency.code])), [operation.participants]);
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => {
    void document.fonts.ready.then(() => setFontsReady(true));
  }, []);
  const participants = operation.participants.filter((p) => p.role === 'participant');
  const observers = operation.participants.filter((p) => p.role === 'observer');

  return (
    <main className="print" lang={data.lang} data-print-ready={mapReady && fontsReady ? 'true' : 'false'} data-marking={data.marking}>
      <section className="print__cover">
        <div className="print__marking">
          <MarkingLabel marking={data.marking} />
        </div>
        {operation.exercise && <p className="print__exercise">{t('print.exercise')}</p>}
        <p className="print__kicker">{t('print.cover')}</p>
        <h1>{operation.name}</h1>
        <p className="print__code">{operation.code}</p>
        <dl className="print__facts">
          <dt>{t('print.period')}</dt>
          <dd>
            {printTime(data.period.from, data)} – {printTime(data.period.to, data)}
          </dd>
          <dt>{t('print.times')}</dt>
          <dd data-testid="print-times">{printZoneName(data, new Date(data.period.to))}</dd>
          <dt>{t('print.lead')}</dt>
          <dd>
            {operation.leadAgency.name} ({operation.leadAgency.code})
          </dd>
        </dl>
        <p className="print__note">{t('print.viewNote', { agency: data.generatedBy.agencyCode })}</p>
        <p className="print__note">{t('print.generated', { at: printTime(data.generatedAt, data), name: data.generatedBy.name, agency: data.generatedBy.agencyCode })}</p>
      </section>

      <section className="print__section">
        <h2>{t('print.overview')}</h2>
        <dl className="print__facts">
          <dt>{t('print.objective')}</dt>
          <dd className="print__text">{operation.description || t('print.none')}</dd>
          <dt>{t('print.participants')}</dt>
          <dd>{participants.map((p) => `${p.agency.name} (${p.agency.code})`).join(', ') || t('print.none')}</dd>
          <dt>{t('print.observers')}</dt>
          <dd>{observers.map((p) => `${p.agency.name} (${p.agency.code})`).join(', ') || t('print.none')}</dd>
          <dt>{t('print.sites')}</dt>
          <dd>{operation.sites.map((site) => site.name).join(', ') || t('print.none')}</dd>
        </dl>
        <figure className="print__map">
          <AreaMap operation={operation} tracks={data.tracks} reports={data.reports} teams={data.teams} colourOf={colourOf} onReady={onMapReady} />
          <figcaption>{t('print.areaMap')}</figcaption>
        </figure>
      </section>

      <section className="print__section" data-testid="print-figures">
        <h2>{t('print.figures')}</h2>
        <table className="print__table print__table--figures">
          <tbody>
            <Row label={t('print.interceptions')} value={figures.interceptions} />
            <Row label={t('print.persons')} value={figures.persons.total} />
            <Row label={t('print.minors')} value={figures.persons.minors} />
            <Row label={t('print.victims')} value={figures.persons.presumedVictims} />
            <Row label={t('print.suspects')} value={figures.persons.suspects} />
            <Row label={t('print.nationalities')} value={figures.nationalities.map((n) => `${n.code} ${n.interceptions}`).join(', ') || t('print.none')} />
            <Row label={t('print.documentsSeized')} value={figures.documents.seized} />
            <Row label={t('print.alerts')} value={figures.documents.alerts} />
            <Row label={t('print.documentsChecked')} value={figures.documents.checked} />
            <Row label={t('print.potentialHits')} value={figures.documents.potentialHits} />
            <Row label={t('print.confirmedHits')} value={figures.documents.confirmedHits} />
            <Row label={t('print.reportsByKind')} value={figures.reportsByKind.map((k) => `${reportKindLabel(k.kind)} ${k.count}`).join(', ') || t('print.none')} />
            <Row label={t('print.verified')} value={figures.verified} />
            <Row label={t('print.rejected')} value={figures.rejected} />
            <Row label={t('print.medianToReport')} value={figures.medianMinutesToReport === null ? t('print.none') : t('print.minutes', { value: figures.medianMinutesToReport })} />
            <Row label={t('print.medianToVerdict')} value={figures.medianMinutesToVerdict === null ? t('print.none') : t('print.minutes', { value: figures.medianMinutesToVerdict })} />
          </tbody>
        </table>
        <h3>{t('print.teamActivity')}</h3>
        <table className="print__table">
          <thead>
            <tr>
              <th>{t('print.team')}</th>
              <th>{t('print.agency')}</th>
              <th>{t('print.reports')}</th>
              <th>{t('print.positions')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.teams.map((team) => (
              <tr key={team.teamId}>
                <td>{team.callSign}</td>
                <td>{team.agencyCode}</td>
                <td className="print__number">{team.reports}</td>
                <td className="print__number">{team.positions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="print__section">
        <h2>{t('print.timeline')}</h2>
        <table className="print__table">
          <tbody>
            {data.timeline.map((line) => (
              <tr key={line.seq}>
                <td className="print__when">{printTime(line.at, data)}</td>
                <td>
                  {t(`print.timeline.${line.kind}`, {
                    subject: line.subject,
                    status: line.status ? statusLabel(line.kind, line.status) : '',
                  })}
                </td>
                <td>
                  <MarkingLabel marking={line.marking} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="print__section">
        <h2>{t('print.lessons')}</h2>
        {data.lessons && data.lessons.items.length > 0 ? (
          <table className="print__table">
            <thead>
              <tr>
                <th>{t('afterAction.lesson')}</th>
                <th>{t('afterAction.action')}</th>
                <th>{t('afterAction.owner')}</th>
                <th>{t('afterAction.due')}</th>
              </tr>
            </thead>
            <tbody>
              {data.lessons.items.map((item, index) => (
                <tr key={index}>
                  <td className="print__text">{item.lesson}</td>
                  <td className="print__text">{item.action}</td>
                  <td>{item.owner}</td>
                  <td>{item.dueDate ? printDate(item.dueDate, data) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('print.noLessons')}</p>
        )}
      </section>

      <section className="print__section">
        <h2>{t('print.annex')}</h2>
        <table className="print__table print__table--annex">
          <thead>
            <tr>
              <th>{t('print.when')}</th>
              <th>{t('print.what')}</th>
              <th>{t('print.status')}</th>
              <th>{t('print.origin')}</th>
              <th>{t('print.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {data.reports.map((report) => (
              <tr key={report.id}>
                <td className="print__when">{printTime(report.occurredAt, data)}</td>
                <td>
                  <strong>
                    {reportKindLabel(report.kind)}
                    {report.interception && ` (${interceptionKindLabel(report.interception.interceptionKind)})`}: {report.title}
                  </strong>
                  {report.narrative && <div className="print__text">{report.narrative}</div>}
                </td>
                <td>{reportStatusLabel(report.status)}</td>
                <td>{agencyCode.get(report.originAgency.id) ?? report.originAgency.code}</td>
                <td>
                  <MarkingLabel marking={report.marking} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

function Row({ label, value }: { label: string; value: string | number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="print__number">{value}</td>
    </tr>
  );
}

function statusLabel(kind: string, status: string): string {
  if (kind === 'verdict') return reportStatusLabel(status as Parameters<typeof reportStatusLabel>[0]);
  if (kind === 'team-status') return teamStatusLabel(status as Parameters<typeof teamStatusLabel>[0]);
  return operationStatusLabel(status as Parameters<typeof operationStatusLabel>[0]);
}
