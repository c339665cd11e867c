import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  amendReportSchema,
  createReportSchema,
  pageSchema,
  rejectReportSchema,
  reportQuerySchema,
  reportSchema,
  reportWithHistorySchema,
  verifyReportSchema,
  type AmendReport,
  type CreateReport,
  type RejectReport,
  type ReportQuery,
  type VerifyReport,
} from '@lintas/contracts';
import { IdempotentCreate } from '../../common/idempotent-create';
import { ApiOperationNotFound, ApiZodBody, ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { REPORT_EXAMPLE, REPORT_PAGE_EXAMPLE, REPORT_WITH_HISTORY_EXAMPLE } from './reports.examples';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('operations/:operationId/reports')
  @ApiOperation({
    summary: 'Post a report (interception, sitrep or alert)',
    description:
      'Idempotent by the client-generated `clientId`: the first request stores the report and answers 201; the same request ' +
      'sent again by the same user (an outbox retry) answers 200 with the stored report and stores nothing. The same clientId ' +
      'from another user or for another operation answers 409. A field officer posts for a team it belongs to (`teamId` ' +
      "required); a commander for one of its agency's teams or none. The origin agency is the caller's. TLP:RED recipients " +
      'must take part in the operation.',
  })
  @ApiZodBody(createReportSchema, {
    clientId: '6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e',
    kind: 'interception',
    title: 'Boat with 14 persons stopped below Chau Doc',
    narrative: 'River patrol stopped a long-tail boat; 14 persons without documents, 2 suspected facilitators.',
    lat: 10.705,
    lon: 105.118,
    siteId: null,
    occurredAt: '2026-11-28T06:40:00+07:00',
    teamId: '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d',
    marking: 'TLP:AMBER',
    recipientAgencyIds: [],
    interception: { interceptionKind: 'smuggling', persons: 14, suspects: 2, presumedVictims: 0, minors: 3, nationalities: ['KH'], documentsSeized: 0 },
  })
  @IdempotentCreate('report', { item: 'the report', schema: reportSchema, example: REPORT_EXAMPLE })
  @ApiBadRequestResponse({ description: 'Invalid body (every failing field named), unknown site, recipient not in the operation' })
  @ApiForbiddenResponse({ description: 'Observer agency, liaison account, or a team the caller may not post for' })
  @ApiOperationNotFound()
  @ApiConflictResponse({ description: 'clientId already used for another report, or the operation is closed' })
  create(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Body(new ZodPipe(createReportSchema)) body: CreateReport) {
    return this.reports.create(user, operationId, body);
  }

  @Get('operations/:operationId/reports')
  @ApiOperation({
    summary: "The operation's reports the caller may see, newest received first",
    description:
      'Filtered by the handling-marking rule. Filters: kind, status and marking take comma-separated lists; from (inclusive) and ' +
      'to (exclusive) bound occurredAt; bbox is west,south,east,north; agencyId is the origin agency. Page with `nextCursor`.',
  })
  @ApiZodQuery(reportQuerySchema)
  @ApiZodOk(pageSchema(reportSchema), '{ items: Report[], nextCursor }', REPORT_PAGE_EXAMPLE)
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  @ApiOperationNotFound()
  list(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Query(new ZodPipe(reportQuerySchema)) query: ReportQuery,
  ) {
    return this.reports.list(user, operationId, query);
  }

  @Get('reports/:id')
  @ApiOperation({ summary: 'One report with its history (oldest change first); the read is audited' })
  @ApiZodOk(reportWithHistorySchema, 'The report and its history', REPORT_WITH_HISTORY_EXAMPLE)
  @ApiNotFoundResponse({ description: 'No such report, or the caller may not see it' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string) {
    return this.reports.get(user, id);
  }

  @Patch('reports/:id')
  @ApiOperation({
    summary: 'Amend a report',
    description:
      'The author or a commander of the originating agency. Send `expectedVersion` (the report\'s `version`) to refuse a stale ' +
      'edit with 409. Amending a verified or rejected report puts it back to `reported` (its history keeps the verdict). ' +
      'Leaving TLP:RED drops the named recipients. An amendment that changes nothing answers the report unchanged.',
  })
  @ApiZodBody(amendReportSchema, { narrative: 'Two of the 14 are minors travelling alone.', expectedVersion: 42 })
  @ApiZodOk(reportSchema, 'The amended report', REPORT_EXAMPLE)
  @ApiBadRequestResponse({ description: 'Invalid body' })
  @ApiForbiddenResponse({ description: 'Not the author nor a commander of the originating agency' })
  @ApiNotFoundResponse({ description: 'No such report, or the caller may not see it' })
  @ApiConflictResponse({ description: 'expectedVersion is stale, or the operation is closed' })
  amend(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(amendReportSchema)) body: AmendReport) {
    return this.reports.amend(user, id, body);
  }

  @Post('reports/:id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: "Verify a report: a commander of the originating agency, from status 'reported' only" })
  @ApiZodBody(verifyReportSchema, { reason: 'Confirmed by the district post' })
  @ApiZodOk(reportSchema, 'The verified report', { ...REPORT_EXAMPLE, status: 'verified' })
  @ApiForbiddenResponse({ description: 'Not a commander of the originating agency' })
  @ApiNotFoundResponse({ description: 'No such report, or the caller may not see it' })
  @ApiConflictResponse({ description: "The report is not 'reported' (the message names its status), or the operation is closed" })
  verify(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(verifyReportSchema)) body: VerifyReport) {
    return this.reports.verify(user, id, body.reason);
  }

  @Post('reports/:id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: "Reject a report, with a reason: a commander of the originating agency, from status 'reported' only" })
  @ApiZodBody(rejectReportSchema, { reason: 'Duplicate of the report from team RIVER-2' })
  @ApiZodOk(reportSchema, 'The rejected report', { ...REPORT_EXAMPLE, status: 'rejected' })
  @ApiForbiddenResponse({ description: 'Not a commander of the originating agency' })
  @ApiNotFoundResponse({ description: 'No such report, or the caller may not see it' })
  @ApiConflictResponse({ description: "The report is not 'reported' (the message names its status), or the operation is closed" })
  reject(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(rejectReportSchema)) body: RejectReport) {
    return this.reports.reject(user, id, body.reason);
  }
}
