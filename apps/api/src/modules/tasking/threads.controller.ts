import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
import { postMessageSchema, threadMessageSchema, type PostMessage, type ThreadMessage } from '@lintas/contracts';
import { z } from 'zod';
import { IdempotentCreate } from '../../common/idempotent-create';
import { ApiZodBody, ApiZodOk } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ThreadsService } from './threads.service';

const MESSAGE_EXAMPLE: ThreadMessage = {
  id: '7f3e5d4c-9a8b-4c7d-8e9f-2a3b4c5d6e7f',
  clientId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  operationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  subject: 'request',
  subjectId: '6e2d4c3b-8f7a-4b6c-8d9e-1f2a3b4c5d6e',
  authorUserId: '7e6f5a4b-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
  authorName: 'Nguyen Van Hung',
  agencyCode: 'VN-BGC',
  body: 'Our team is at the zero-kilometre marker; bring the van to lane 2.',
  at: '2026-11-28T07:05:00.000Z',
};
const NOT_FOUND = 'No such task or request, or the caller may not see it (a thread is as visible as its subject)';

@ApiTags('threads')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
@Controller('operations/:operationId')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get('tasks/:taskId/messages')
  @ApiOperation({ summary: "The task's message thread, oldest first" })
  @ApiZodOk(z.array(threadMessageSchema), 'ThreadMessage[]', [{ ...MESSAGE_EXAMPLE, subject: 'task' }])
  @ApiNotFoundResponse({ description: NOT_FOUND })
  taskMessages(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Param('taskId', uuidParam('taskId')) taskId: string) {
    return this.threads.list(user, operationId, 'task', taskId);
  }

  @Post('tasks/:taskId/messages')
  @ApiOperation({ summary: "Write in the task's thread", description: 'Idempotent by `clientId` (201 first, 200 for a retry). Marked like the task.' })
  @ApiZodBody(postMessageSchema, { clientId: MESSAGE_EXAMPLE.clientId, body: 'On our way, 10 minutes out.' })
  @IdempotentCreate('message', { item: 'the message', schema: threadMessageSchema, example: { ...MESSAGE_EXAMPLE, subject: 'task' } })
  @ApiBadRequestResponse({ description: 'Invalid body' })
  @ApiForbiddenResponse({ description: 'Observer agency or liaison account' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'clientId already used for another message, or the operation is closed' })
  postOnTask(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Body(new ZodPipe(postMessageSchema)) body: PostMessage,
  ) {
    return this.threads.post(user, operationId, 'task', taskId, body);
  }

  @Get('requests/:requestId/messages')
  @ApiOperation({ summary: "The request's message thread, oldest first" })
  @ApiZodOk(z.array(threadMessageSchema), 'ThreadMessage[]', [MESSAGE_EXAMPLE])
  @ApiNotFoundResponse({ description: NOT_FOUND })
  requestMessages(@CurrentUser() user: AuthUser, @Param('operationId', uuidParam('operationId')) operationId: string, @Param('requestId', uuidParam('requestId')) requestId: string) {
    return this.threads.list(user, operationId, 'request', requestId);
  }

  @Post('requests/:requestId/messages')
  @ApiOperation({ summary: "Write in the request's thread", description: 'Idempotent by `clientId` (201 first, 200 for a retry). Marked like the request.' })
  @ApiZodBody(postMessageSchema, { clientId: MESSAGE_EXAMPLE.clientId, body: MESSAGE_EXAMPLE.body })
  @IdempotentCreate('message', { item: 'the message', schema: threadMessageSchema, example: MESSAGE_EXAMPLE })
  @ApiBadRequestResponse({ description: 'Invalid body' })
  @ApiForbiddenResponse({ description: 'Observer agency or liaison account' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'clientId already used for another message, or the operation is closed' })
  postOnRequest(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body(new ZodPipe(postMessageSchema)) body: PostMessage,
  ) {
    return this.threads.post(user, operationId, 'request', requestId, body);
  }
}
