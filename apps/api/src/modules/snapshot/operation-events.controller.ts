import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { eventLogPageSchema, eventLogQuerySchema, type EventLogQuery } from '@lintas/contracts';
import { ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { OperationEventsService } from './operation-events.service';
import { EVENT_LOG_PAGE_EXAMPLE } from './snapshot.examples';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations/:id/events')
export class OperationEventsController {
  constructor(private readonly events: OperationEventsService) {}

  @Get()
  @ApiOperation({
    summary: 'The operation event log after sinceSeq, as far as the caller may see it',
    description:
      'Events in seq order, filtered by the handling markings (seqs the caller may not see are skipped). While `nextSeq` is ' +
      'not null, ask again with `sinceSeq = nextSeq`; when it is null the caller has everything up to `lastSeq`.',
  })
  @ApiZodQuery(eventLogQuerySchema)
  @ApiZodOk(eventLogPageSchema, '{ items, nextSeq, lastSeq }', EVENT_LOG_PAGE_EXAMPLE)
  @ApiBadRequestResponse({ description: 'sinceSeq or limit out of range' })
  @ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
  @ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" })
  list(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Query(new ZodPipe(eventLogQuerySchema)) query: EventLogQuery) {
    return this.events.list(user, id, query);
  }
}
