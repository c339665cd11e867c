import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { replayWindowQuerySchema, replayWindowSchema, type ReplayWindow, type ReplayWindowQuery } from '@lintas/contracts';
import { ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ReplayWindowService } from './replay-window.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations/:id/replay')
export class ReplayController {
  constructor(private readonly windows: ReplayWindowService) {}

  @Get()
  @ApiOperation({
    summary: 'The events and team tracks of a window of the operation, as the caller may see them',
    description:
      'For the replay player: the visible events with `from < at ≤ to` in seq order, the alerts and status changes among them ' +
      '(`marks`, for the time bar) and each visible team\'s track over the window, thinned to at most `points` positions ' +
      '(the newest of each time step). Items are filtered by the marking they had at each moment. Pair with ' +
      '`GET /operations/:id/snapshot?at=` for the state at the window\'s start.',
  })
  @ApiZodQuery(replayWindowQuerySchema)
  @ApiZodOk(replayWindowSchema, '{ from, to, events, truncated, withdrawals, marks, tracks }: withdrawals name items the caller saw that an event of the window took out of its sight')
  @ApiBadRequestResponse({ description: 'from/to missing, not ISO 8601, out of order or more than 7 days apart' })
  @ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
  @ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" })
  window(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Query(new ZodPipe(replayWindowQuerySchema)) query: ReplayWindowQuery): Promise<ReplayWindow> {
    return this.windows.window(user, id, query);
  }
}
