import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import {
  addParticipantSchema,
  attachSiteSchema,
  createOperationSchema,
  mayCreateOperation,
  operationParticipantSchema,
  operationSchema,
  operationSummarySchema,
  siteSchema,
  transitionOperationSchema,
  updateOperationSchema,
  type AddParticipant,
  type AttachSite,
  type TransitionOperation,
} from '@lintas/contracts';
import { z } from 'zod';
import { ApiZodBody, ApiZodCreated, ApiZodOk } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { parseInput, ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { requireRole } from '../auth/roles';
import { AccessService } from '../access/access.service';
import { OperationParticipantsService } from './operation-participants.service';
import { OperationsService } from './operations.service';

const AREA_EXAMPLE = {
  type: 'Polygon',
  coordinates: [
    [
      [104.85, 10.55],
      [106.3, 10.55],
      [106.3, 11.2],
      [104.85, 11.2],
      [104.85, 10.55],
    ],
  ],
};

@ApiTags('operations')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such operation, or the caller’s agency does not take part in it' })
@Controller('operations')
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly participants: OperationParticipantsService,
    private readonly access: AccessService,
  ) {}

  /** The operations the caller's agency takes part in, with the caller's role and visible counts. */
  @Get()
  @ApiZodOk(z.array(operationSummarySchema), "OperationSummary[]: the caller's agency's operations, with its role and counts")
  list(@CurrentUser() user: AuthUser) {
    return this.operations.list(user);
  }

  /** Commanders and administrators; the caller's agency becomes the lead. */
  @Post()
  @ApiZodBody(createOperationSchema, {
    code: 'OP-MEKONG-GATE',
    name: 'Mekong Gate',
    description: 'Joint operation against people smuggling across the Cambodia–Vietnam border',
    exercise: false,
    timeZone: 'Asia/Phnom_Penh',
    startsAt: '2026-12-01T00:00:00+07:00',
    endsAt: '2026-12-15T00:00:00+07:00',
    area: AREA_EXAMPLE,
  })
  @ApiZodCreated(operationSchema, 'The operation')
  @ApiConflictResponse({ description: 'The code is taken' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    // Who may ask is settled before the body is read: an area's geometry is judged only for those who may write it.
    requireRole(user, mayCreateOperation(user), 'commander', 'admin');
    return this.operations.create(user, parseInput(createOperationSchema, body ?? {}));
  }

  @Get(':id')
  @ApiZodOk(operationSchema, 'The operation, with its participants and sites')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Operation id')) id: string) {
    return this.operations.getOperation(user, id);
  }

  /** A commander of the lead agency; refused (409) once the operation is closed. */
  @Patch(':id')
  @ApiZodBody(updateOperationSchema, { description: 'Extended to the river crossings', area: AREA_EXAMPLE })
  @ApiZodOk(operationSchema, 'The operation as updated')
  async update(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Operation id')) id: string, @Body() body: unknown) {
    // As for create; the service checks again under the operation's lock.
    await this.access.requireLeadCommander(user, id);
    return this.operations.update(user, id, parseInput(updateOperationSchema, body ?? {}));
  }

  /** planned → active | closed; active → suspended | closed; suspended → active | closed. Anything else: 409. */
  @Post(':id/transition')
  @HttpCode(200)
  @ApiZodBody(transitionOperationSchema, { status: 'active' })
  @ApiZodOk(operationSchema, 'The operation in its new status')
  @ApiConflictResponse({ description: 'The status cannot follow the current one' })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('Operation id')) id: string,
    @Body(new ZodPipe(transitionOperationSchema)) body: TransitionOperation,
  ) {
    return this.operations.transition(user, id, body.status);
  }

  /** 404 for an unknown agency; 409 when the agency already takes part (remove it first to change its role). */
  @Post(':id/participants')
  @ApiZodBody(addParticipantSchema, { agencyId: '00000000-0000-4000-8000-000000000000', role: 'observer' })
  @ApiZodCreated(operationParticipantSchema, 'The agency as it takes part')
  @ApiConflictResponse({ description: 'The agency already takes part, or the operation is closed' })
  addParticipant(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Operation id')) id: string, @Body(new ZodPipe(addParticipantSchema)) body: AddParticipant) {
    return this.participants.addParticipant(user, id, body);
  }

  /** The lead agency cannot be removed (409). The removed agency's live subscriptions end at once. */
  @Delete(':id/participants/:agencyId')
  @HttpCode(204)
  async removeParticipant(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('Operation id')) id: string,
    @Param('agencyId', uuidParam('Agency id')) agencyId: string,
  ) {
    await this.participants.removeParticipant(user, id, agencyId);
  }

  @Post(':id/sites')
  @ApiZodBody(attachSiteSchema, { siteId: '00000000-0000-4000-8000-000000000000' })
  @ApiZodCreated(siteSchema, 'The site attached')
  @ApiConflictResponse({ description: 'The site is already attached, or the operation is closed' })
  attachSite(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Operation id')) id: string, @Body(new ZodPipe(attachSiteSchema)) body: AttachSite) {
    return this.participants.attachSite(user, id, body.siteId);
  }

  @Delete(':id/sites/:siteId')
  @HttpCode(204)
  async detachSite(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Operation id')) id: string, @Param('siteId', uuidParam('Site id')) siteId: string) {
    await this.participants.detachSite(user, id, siteId);
  }
}
