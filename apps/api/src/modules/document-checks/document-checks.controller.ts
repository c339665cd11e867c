import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  createDocumentCheckSchema,
  DOCUMENT_LIST_HEADER,
  documentCheckFiguresRowSchema,
  documentCheckSchema,
  documentListImportReportSchema,
  recordCheckOutcomeSchema,
  type CreateDocumentCheck,
  type RecordCheckOutcome,
} from '@lintas/contracts';
import { z } from 'zod';
import type { Request } from 'express';
import { AppError } from '../../common/app-error';
import { IdempotentCreate } from '../../common/idempotent-create';
import { ApiOperationNotFound, ApiZodBody, ApiZodOk } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { DocumentChecksService } from './document-checks.service';
import { DocumentListImportService } from './document-list-import.service';

const CHECK_EXAMPLE = {
  id: '8a4c1e2f-0b3d-4e5f-9a6b-7c8d9e0f1a2b',
  clientId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
  operationId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  teamId: '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d',
  siteId: null,
  checkingAgencyId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  officerUserId: '6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0',
  documentType: 'passport',
  issuingCountry: 'KHM',
  result: 'potential_hit',
  hit: { status: 'stolen', source: 'KH-GDI passport office', reportedAt: '2026-03-02', listAgencyCode: 'KH-GDI', alertReportId: '7a8b9c0d-1e2f-4a3b-c4d5-e6f7a8b9c0d1' },
  outcome: null,
  outcomeNote: null,
  outcomeBy: null,
  outcomeAt: null,
  checkedAt: '2026-11-28T06:41:00.000Z',
};

@ApiTags('document checks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
@Controller()
export class DocumentChecksController {
  constructor(
    private readonly checks: DocumentChecksService,
    private readonly imports: DocumentListImportService,
  ) {}

  @Post('operations/:operationId/document-checks')
  @ApiOperation({
    summary: 'Check a travel document against the stolen and lost documents lists',
    description:
      'Send the machine-readable zone (`mrz`, 2 or 3 lines; check digits are verified) or the fields. Only the keyed hash of ' +
      'country + type + number is stored, never the number. A potential hit raises an alert (TLP:AMBER) to the commanders ' +
      'of the checking and the lead agency. Idempotent by `clientId` (201 first, 200 for a retry).',
  })
  @ApiZodBody(createDocumentCheckSchema, {
    clientId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
    teamId: '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d',
    documentType: 'passport',
    issuingCountry: 'KHM',
    documentNumber: 'N0000000',
    expiryDate: '2030-01-01',
  })
  @IdempotentCreate('check', { item: 'the check', schema: documentCheckSchema, created: 'Checked: `result` is `no_hit` or `potential_hit`', example: CHECK_EXAMPLE })
  @ApiBadRequestResponse({ description: 'Invalid body; a wrong MRZ names its line and field' })
  @ApiForbiddenResponse({ description: 'Observer agency, liaison account, or a team the caller may not check for' })
  @ApiOperationNotFound()
  @ApiConflictResponse({ description: 'clientId used for another check, or the operation is closed' })
  create(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Body(new ZodPipe(createDocumentCheckSchema)) body: CreateDocumentCheck) {
    return this.checks.create(user, operationId, body);
  }

  @Get('operations/:operationId/document-checks')
  @ApiOperation({ summary: "The operation's document checks the caller may see (never the numbers), newest first (500 at most)" })
  @ApiZodOk(z.array(documentCheckSchema), 'DocumentCheck[]', [CHECK_EXAMPLE])
  @ApiOperationNotFound()
  list(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string) {
    return this.checks.list(user, operationId);
  }

  @Get('operations/:operationId/document-checks/figures')
  @ApiOperation({ summary: 'Checks, potential hits and confirmed hits per site and per day (UTC)' })
  @ApiZodOk(z.array(documentCheckFiguresRowSchema), 'DocumentCheckFiguresRow[]', [{ siteId: null, day: '2026-11-28', checks: 40, potentialHits: 2, confirmedHits: 1 }])
  @ApiOperationNotFound()
  figures(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string) {
    return this.checks.figures(user, operationId);
  }

  @Post('document-checks/:id/outcome')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the outcome of a potential hit: confirmed or false positive, after asking the issuing country',
    description: 'A commander of the checking agency or of the lead agency. Verifies (confirmed) or rejects (false positive) the alert the hit raised.',
  })
  @ApiZodBody(recordCheckOutcomeSchema, { outcome: 'confirmed', note: 'Confirmed stolen by the Cambodian passport office' })
  @ApiZodOk(documentCheckSchema, 'The check with its outcome', { ...CHECK_EXAMPLE, outcome: 'confirmed' })
  @ApiForbiddenResponse({ description: 'Not a commander of the checking or the lead agency' })
  @ApiNotFoundResponse({ description: 'No such check, or the caller may not see it' })
  @ApiConflictResponse({ description: 'Not a potential hit, outcome already recorded, or the operation is closed' })
  recordOutcome(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(recordCheckOutcomeSchema)) body: RecordCheckOutcome) {
    return this.checks.recordOutcome(user, id, body);
  }

  @Put('document-lists/:agencyCode')
  @ApiTags('document lists')
  @ApiOperation({
    summary: "Replace an agency's stolen and lost documents list (CSV)",
    description:
      `Header row \`${DOCUMENT_LIST_HEADER.join(',')}\`; status one of stolen_blank, lost, stolen, revoked; reportedAt YYYY-MM-DD or empty. ` +
      'Streamed and written in one transaction: the new version replaces the old in one step. Any invalid row refuses the file ' +
      '(400, every rejected row named by its line in `issues`) and leaves the list in force. The same file again changes nothing ' +
      "(`outcome: 'unchanged'`). An administrator, or a commander of the agency.",
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: `${DOCUMENT_LIST_HEADER.join(',')}\nKHM,passport,N0000001,stolen,KH-GDI passport office,2026-03-02\n` } })
  @ApiZodOk(documentListImportReportSchema, 'The import report', { agencyCode: 'KH-GDI', outcome: 'applied', version: 3, rowsRead: 1, rowsAccepted: 1, rejectedCount: 0, rejected: [], fileSha256: '9f…' })
  @ApiBadRequestResponse({ description: 'Wrong header, invalid rows (with their lines), or not CSV' })
  @ApiForbiddenResponse({ description: 'Neither an administrator nor a commander of this agency' })
  @ApiNotFoundResponse({ description: 'No agency with this code' })
  importList(@CurrentUser() user: AuthUser, @Param('agencyCode') agencyCode: string, @Req() request: Request) {
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('text/csv')) {
      request.resume();
      throw new AppError(415, 'csv_required', 'The request body must be CSV (Content-Type: text/csv)');
    }
    return this.imports.import(user, agencyCode, request);
  }
}
