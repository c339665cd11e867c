import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
  createTaskSchema,
  pageSchema,
  taskingConsentSchema,
  taskQuerySchema,
  taskSchema,
  taskTransitionSchema,
  taskWithHistorySchema,
  type CreateTask,
  type TaskingConsent,
  type TaskQuery,
  type TaskTransitionRequest,
} from '@lintas/contracts';
import { IdempotentCreate } from '../../common/idempotent-create';
import { ApiOperationNotFound, ApiZodBody, ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { TASK_EXAMPLE } from './tasking.examples';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
@Controller('operations/:operationId')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post('tasks')
  @ApiOperation({
    summary: 'Give a team a task',
    description:
      "A commander of the team's agency, or of the lead agency where the team's agency allows it (`tasking-consent`). " +
      'Idempotent by `clientId` (201 first, 200 for a retry by the same user). The acknowledgement deadline is ' +
      '`ackWithinSeconds` from now (default 300). The marking must let the team\'s agency see the task (TLP:RED names it ' +
      'automatically) and must not show the task to an agency the team is hidden from. With `requestId`, the task answers ' +
      'an accepted request to the caller\'s agency and goes to one of its teams.',
  })
  @ApiZodBody(createTaskSchema, {
    clientId: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
    teamId: '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d',
    kind: 'intercept',
    title: 'Intercept white Toyota Hiace heading for Moc Bai',
    instructions: 'Plate ends 4417; eight passengers reported.',
    target: { lat: 11.071, lon: 106.131 },
    ackWithinSeconds: 300,
    marking: 'TLP:AMBER',
  })
  @IdempotentCreate('task', { item: 'the task', schema: taskSchema, example: TASK_EXAMPLE })
  @ApiBadRequestResponse({ description: 'Invalid body, unknown team or site, a marking that hides the task from its team or discloses a hidden team' })
  @ApiForbiddenResponse({ description: "Not a commander of the team's agency (or of a lead agency allowed to task it), observer, liaison" })
  @ApiOperationNotFound()
  @ApiConflictResponse({ description: 'clientId already used, request not accepted, or the operation is closed' })
  create(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Body(new ZodPipe(createTaskSchema)) body: CreateTask) {
    return this.tasks.create(user, operationId, body);
  }

  @Get('tasks')
  @ApiOperation({ summary: "The operation's tasks the caller may see (marking rule), newest first", description: 'Filters: state (comma-separated), teamId, requestId.' })
  @ApiZodQuery(taskQuerySchema)
  @ApiZodOk(pageSchema(taskSchema), '{ items: Task[], nextCursor }', { items: [TASK_EXAMPLE], nextCursor: null })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  @ApiOperationNotFound()
  list(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Query(new ZodPipe(taskQuerySchema)) query: TaskQuery) {
    return this.tasks.list(user, operationId, query);
  }

  @Get('tasks/:taskId')
  @ApiOperation({ summary: 'One task with its transitions (oldest first); the read is audited' })
  @ApiZodOk(taskWithHistorySchema, 'The task and its transitions', { ...TASK_EXAMPLE, transitions: [] })
  @ApiNotFoundResponse({ description: 'No such task, or the caller may not see it' })
  get(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Param('taskId', uuidParam('taskId')) taskId: string) {
    return this.tasks.get(user, operationId, taskId);
  }

  @Post('tasks/:taskId/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a task: acknowledged, in_progress, done, unable (reason), cancelled (reason)',
    description:
      "The team's members or a commander of its agency work the task; a commander of the tasking agency cancels it. " +
      'Idempotent by `clientId`: a resent change (the field outbox) answers the task and changes nothing.',
  })
  @ApiZodBody(taskTransitionSchema, { clientId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', to: 'acknowledged' })
  @ApiZodOk(taskSchema, 'The task after the change', { ...TASK_EXAMPLE, state: 'acknowledged' })
  @ApiBadRequestResponse({ description: 'Invalid body (unable and cancelled need a reason)' })
  @ApiForbiddenResponse({ description: 'Not the team nor a commander of its agency; cancelling: not a commander of the tasking agency' })
  @ApiNotFoundResponse({ description: 'No such task, or the caller may not see it' })
  @ApiConflictResponse({ description: 'The move is not allowed from the current state (the message names it), or the operation is closed' })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Body(new ZodPipe(taskTransitionSchema)) body: TaskTransitionRequest,
  ) {
    return this.tasks.transition(user, operationId, taskId, body);
  }

  @Put('tasking-consent')
  @ApiOperation({ summary: "A participating agency's commander lets the lead agency task its teams in this operation (or stops it)" })
  @ApiZodBody(taskingConsentSchema, { leadMayTask: true })
  @ApiZodOk(taskingConsentSchema, 'The setting as stored', { leadMayTask: true })
  @ApiForbiddenResponse({ description: 'Not a commander of a participating agency' })
  @ApiOperationNotFound()
  consent(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Body(new ZodPipe(taskingConsentSchema)) body: TaskingConsent) {
    return this.tasks.setConsent(user, operationId, body.leadMayTask);
  }
}
