import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
  agencyRequestSchema,
  agencyRequestWithHistorySchema,
  confirmHandoverSchema,
  createRequestSchema,
  pageSchema,
  recordHandoverSchema,
  requestQuerySchema,
  requestTransitionSchema,
  type ConfirmHandover,
  type CreateRequest,
  type RecordHandover,
  type RequestQuery,
  type RequestTransitionRequest,
} from '@lintas/contracts';
import { IdempotentCreate } from '../../common/idempotent-create';
import { ApiOperationNotFound, ApiZodBody, ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { REQUEST_EXAMPLE } from './tasking.examples';
import { RequestsService } from './requests.service';

const NOT_FOUND = 'No such request, or the caller may not see it';

@ApiTags('requests')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
@Controller('operations/:operationId/requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Post()
  @ApiOperation({
    summary: 'Send a request to another agency of the operation',
    description:
      'A commander of a lead or participating agency, to another lead or participating agency. Idempotent by `clientId`. ' +
      'The receiving agency must answer within `answerWithinSeconds` (default 900), or the request is flagged overdue and ' +
      'escalated to the lead agency. The marking must let the receiving agency see it (TLP:RED names it automatically).',
  })
  @ApiZodBody(createRequestSchema, {
    clientId: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
    toAgencyId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
    kind: 'take_over_case',
    subject: 'Take over 8 persons leaving Bavet for Moc Bai',
    details: 'Van stopped at Bavet; passengers to be handed to the Moc Bai post for interview.',
    marking: 'TLP:AMBER',
  })
  @IdempotentCreate('request', { item: 'the request', schema: agencyRequestSchema, example: { ...REQUEST_EXAMPLE, state: 'open', handover: null } })
  @ApiBadRequestResponse({ description: 'Invalid body, receiving agency not a (non-observing) participant, marking hiding it from the receiver' })
  @ApiForbiddenResponse({ description: 'Not a commander, observer agency, liaison' })
  @ApiOperationNotFound()
  @ApiConflictResponse({ description: 'clientId already used, or the operation is closed' })
  create(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Body(new ZodPipe(createRequestSchema)) body: CreateRequest) {
    return this.requests.create(user, operationId, body);
  }

  @Get()
  @ApiOperation({ summary: "The operation's requests the caller may see (marking rule), newest first", description: 'Filters: state (comma-separated), direction (incoming / outgoing for the caller\'s agency).' })
  @ApiZodQuery(requestQuerySchema)
  @ApiZodOk(pageSchema(agencyRequestSchema), '{ items: AgencyRequest[], nextCursor }', { items: [REQUEST_EXAMPLE], nextCursor: null })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  @ApiOperationNotFound()
  list(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Query(new ZodPipe(requestQuerySchema)) query: RequestQuery) {
    return this.requests.list(user, operationId, query);
  }

  @Get(':requestId')
  @ApiOperation({ summary: 'One request with its history (answers, hand-over records and confirmations); the read is audited' })
  @ApiZodOk(agencyRequestWithHistorySchema, 'The request and its history', { ...REQUEST_EXAMPLE, history: [] })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Param('requestId', uuidParam('requestId')) requestId: string) {
    return this.requests.get(user, operationId, requestId);
  }

  @Post(':requestId/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer or close a request: accepted, declined (reason), cancelled (reason), completed',
    description:
      "The receiving agency's commanders accept or decline; the requesting agency's cancel; either side completes (a recorded " +
      'hand-over must first be confirmed by both). Idempotent by `clientId`.',
  })
  @ApiZodBody(requestTransitionSchema, { clientId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', to: 'accepted' })
  @ApiZodOk(agencyRequestSchema, 'The request after the change', REQUEST_EXAMPLE)
  @ApiBadRequestResponse({ description: 'Invalid body (declined and cancelled need a reason)' })
  @ApiForbiddenResponse({ description: 'Not a commander of the agency that may make this move' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Not allowed from the current state, hand-over not confirmed by both, or the operation is closed' })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body(new ZodPipe(requestTransitionSchema)) body: RequestTransitionRequest,
  ) {
    return this.requests.transition(user, operationId, requestId, body);
  }

  @Post(':requestId/handover')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record what was handed over (persons by category, documents, vehicle) on an accepted request',
    description: 'A commander of either agency. Recording again replaces the record and clears both confirmations.',
  })
  @ApiZodBody(recordHandoverSchema, {
    clientId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    persons: { adults: 6, minors: 2, suspectedVictims: 2, suspectedSmugglers: 1 },
    nationalities: ['KH'],
    documents: 3,
    vehicle: 'White Toyota Hiace, KH plate ending 4417',
  })
  @ApiZodOk(agencyRequestSchema, 'The request with its hand-over', REQUEST_EXAMPLE)
  @ApiForbiddenResponse({ description: 'Not a commander of either agency of the request' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'The request is not accepted, or the operation is closed' })
  recordHandover(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body(new ZodPipe(recordHandoverSchema)) body: RecordHandover,
  ) {
    return this.requests.recordHandover(user, operationId, requestId, body);
  }

  @Post(':requestId/handover/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: "Confirm the hand-over as recorded, for the caller's agency (the handing or the receiving side)" })
  @ApiZodBody(confirmHandoverSchema, { clientId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', expectedVersion: 63 })
  @ApiZodOk(agencyRequestSchema, 'The request with the confirmation', REQUEST_EXAMPLE)
  @ApiForbiddenResponse({ description: 'Not a commander of either agency of the request' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'No hand-over recorded, or it changed since `expectedVersion`' })
  confirmHandover(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body(new ZodPipe(confirmHandoverSchema)) body: ConfirmHandover,
  ) {
    return this.requests.confirmHandover(user, operationId, requestId, body.clientId, body.expectedVersion);
  }
}
