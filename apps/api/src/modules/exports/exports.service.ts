import { Injectable } from '@nestjs/common';
import {
  EXPORT_LAYERS,
  EXPORT_MEDIA_TYPES,
  REPORT_KINDS,
  exportFileName,
  mostRestrictive,
  type ExportLayer,
  type ExportQuery,
  type Marking,
  type ReportKind,
  type Team,
} from '@lintas/contracts';
import { AccessService, type OperationAccess } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { OperationsService } from '../operations/operations.service';
import type { ReportFilter } from '../reports/reports.repository';
import { ReportsService } from '../reports/reports.service';
import { TeamsService } from '../teams/teams.service';
import { csvExport } from './csv-export';
import type { ExportContent, TeamTrack } from './export-content';
import { ExportsRepository } from './exports.repository';
import { geojsonExport } from './geojson-export';
import { kmlExport } from './kml-export';
import { takPackageExport } from './tak-package-export';

export interface ExportFile {
  fileName: string;
  mediaType: string;
  marking: Marking;
  body: AsyncIterable<string | Uint8Array>;
}

const TRACK_PAGE = 5000;

/**
 * Exports of an operation: what the caller may see (the marking rule of the REST list, applied in
 * the same SQL), under the map's filters, named and headed with the most restrictive marking of
 * what the file holds. Everything is checked, the marking decided and the audit row written
 * before the first byte: a refusal is an ordinary 4xx, and the stream then only reads.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly access: AccessService,
    private readonly operations: OperationsService,
    private readonly teams: TeamsService,
    private readonly reports: ReportsService,
    private readonly repository: ExportsRepository,
    private readonly audit: AuditService,
  ) {}

  async export(user: AuthUser, operationId: string, query: ExportQuery): Promise<ExportFile> {
    const access = await this.access.require(user, operationId);
    const operation = await this.operations.getOperation(user, operationId);
    const layers = new Set<ExportLayer>(query.layers ?? EXPORT_LAYERS);
    const onlyReports = query.format === 'csv';

    const kinds = reportKinds(layers, query.kind);
    const filter: ReportFilter = {
      kind: kinds,
      status: query.status,
      marking: query.marking,
      from: query.from,
      to: query.to,
      bbox: query.bbox,
      teamId: query.teamId,
      agencyCodes: query.agency,
    };
    const teams = onlyReports || !(layers.has('teams') || layers.has('trails')) ? [] : await this.visibleTeams(access, query);
    const reportMarkings = kinds.length ? await this.reports.visibleMarkings(access, filter) : [];
    const marking = mostRestrictive(['TLP:CLEAR', ...reportMarkings, ...teams.map((team) => team.marking)]) ?? 'TLP:CLEAR';

    const generatedAt = new Date();
    const fileName = exportFileName({ operationCode: operation.code, exercise: operation.exercise, marking, format: query.format, at: generatedAt });
    const content: ExportContent = {
      operation: { id: operation.id, code: operation.code, name: operation.name, exercise: operation.exercise },
      marking,
      generatedAt,
      exportedBy: `${user.agencyCode} / ${user.name}`,
      area: !onlyReports && layers.has('area') ? operation.area : null,
      sites: !onlyReports && layers.has('sites') ? operation.sites : [],
      teams: layers.has('teams') ? teams : [],
      tracks: () => (layers.has('trails') && query.format !== 'tak' ? this.tracks(teams, query) : empty()),
      reports: () => (kinds.length ? this.reports.visiblePages(access, filter) : empty()),
    };

    await this.audit.record({
      userId: user.id,
      agencyId: user.agencyId,
      action: 'operation.export',
      entityType: 'operation',
      entityId: operationId,
      operationId,
      details: { format: query.format, marking, fileName, filters: { ...query, format: undefined } },
    });

    const body =
      query.format === 'geojson'
        ? geojsonExport(content)
        : query.format === 'csv'
          ? csvExport(content)
          : query.format === 'kml'
            ? kmlExport(content)
            : takPackageExport(content, fileName);
    return { fileName, mediaType: EXPORT_MEDIA_TYPES[query.format], marking, body };
  }

  /** The teams the map would show under the marking and agency filters. */
  private async visibleTeams(access: OperationAccess, query: ExportQuery): Promise<Team[]> {
    const teams = await this.teams.listForOperation(access);
    return teams.filter(
      (team) => (!query.marking?.length || query.marking.includes(team.marking)) && (!query.agency?.length || query.agency.includes(team.agency.code)),
    );
  }

  /** Each team's track inside the export's time window, one team in memory at a time. */
  private async *tracks(teams: Team[], query: ExportQuery): AsyncGenerator<TeamTrack> {
    const window = { from: query.from ?? null, to: query.to ?? null };
    for (const team of teams) {
      const positions = [];
      let after: string | null = null;
      do {
        const page = await this.repository.trackPage(team.id, window, after, TRACK_PAGE);
        positions.push(...page.positions);
        after = page.last;
      } while (after !== null);
      yield { team, positions };
    }
  }
}

/** The report kinds the layers and the kind filter let through (alerts are their own layer on the map). */
function reportKinds(layers: Set<ExportLayer>, kinds: ReportKind[] | undefined): ReportKind[] {
  return REPORT_KINDS.filter(
    (kind) => (kind === 'alert' ? layers.has('alerts') : layers.has('reports')) && (!kinds?.length || kinds.includes(kind)),
  );
}

async function* empty<T>(): AsyncGenerator<T> {}
