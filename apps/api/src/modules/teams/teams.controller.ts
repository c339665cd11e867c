import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { createTeamSchema, teamSchema, teamStatusSchema, updateTeamSchema, type CreateTeam, type TeamStatus, type UpdateTeam } from '@lintas/contracts';
import { z } from 'zod';
import { ApiZodBody, ApiZodCreated, ApiZodOk } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  /** The operation's teams the caller may see under their handling markings, with last positions. */
  @Get('operations/:id/teams')
  @ApiZodOk(z.array(teamSchema), 'Team[]')
  list(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Operation id')) operationId: string) {
    return this.teams.list(user, operationId);
  }

  /** A commander of a lead or participating agency; members must be users of that agency. */
  @Post('operations/:id/teams')
  @ApiZodBody(createTeamSchema, {
    callSign: 'BAVET-1',
    size: 6,
    status: 'on_station',
    siteId: null,
    memberUserIds: [],
    marking: 'TLP:GREEN',
    recipientAgencyIds: [],
  })
  @ApiZodCreated(teamSchema, 'The team')
  @ApiConflictResponse({ description: 'The call sign is taken in this operation, or the operation is closed' })
  create(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Operation id')) operationId: string, @Body(new ZodPipe(createTeamSchema)) body: CreateTeam) {
    return this.teams.create(user, operationId, body);
  }

  /** A commander of the team's agency. */
  @Patch('teams/:id')
  @ApiZodBody(updateTeamSchema, { size: 8, status: 'en_route' })
  @ApiZodOk(teamSchema, 'The team as updated')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Team id')) teamId: string, @Body(new ZodPipe(updateTeamSchema)) body: UpdateTeam) {
    return this.teams.update(user, teamId, body);
  }

  /** A field member of the team, or a commander of its agency. */
  @Post('teams/:id/status')
  @HttpCode(200)
  @ApiZodBody(teamStatusSchema, { status: 'engaged' })
  @ApiZodOk(teamSchema, 'The team in its new status')
  setStatus(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Team id')) teamId: string, @Body(new ZodPipe(teamStatusSchema)) body: { status: TeamStatus }) {
    return this.teams.setStatus(user, teamId, body.status);
  }
}
