import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { bindTakDeviceSchema, takDeviceSchema, takDeviceUidSchema, type BindTakDevice } from '@lintas/contracts';
import { z } from 'zod';
import { badRequest } from '../../common/app-error';
import { IdempotentCreate } from '../../common/idempotent-create';
import { ApiRemoval, ApiSignedIn, ApiZodBody, ApiZodOk } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { TakDevicesService } from './tak-devices.service';

const EXAMPLE = {
  uid: 'ANDROID-3f9a1c2b7d4e5f60',
  operationId: '0b7e9c1a-2f3d-4e5a-9b8c-7d6e5f4a3b2c',
  teamId: '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d',
  boundAt: '2026-12-01T09:30:00.000Z',
  boundBy: { userId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', name: 'Sok Dara' },
};

@ApiTags('tak')
@ApiSignedIn()
@Controller()
export class TakDevicesController {
  constructor(private readonly devices: TakDevicesService) {}

  @Get('operations/:operationId/teams/:teamId/devices')
  @ApiOperation({ summary: "The TAK devices bound to a team (whoever may see the team)" })
  @ApiZodOk(z.array(takDeviceSchema), 'TakDevice[]', [EXAMPLE])
  @ApiNotFoundResponse({ description: 'No such operation or team, or the caller may not see it' })
  list(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('teamId', uuidParam('teamId')) teamId: string,
  ) {
    return this.devices.list(user, operationId, teamId);
  }

  @Post('operations/:operationId/teams/:teamId/devices')
  @ApiOperation({
    summary: "Bind a TAK device's CoT uid to a team",
    description:
      "A commander of the team's agency, in an open operation. The device's position events on the CoT listener then become " +
      "the team's positions. Binding the same uid to the same team again answers 200; a uid bound to another team answers 409.",
  })
  @ApiZodBody(bindTakDeviceSchema, { uid: EXAMPLE.uid })
  @IdempotentCreate('device', { item: 'the device', schema: takDeviceSchema, created: 'Bound', resent: 'Already bound to this team', example: EXAMPLE })
  @ApiBadRequestResponse({ description: 'Invalid uid' })
  @ApiForbiddenResponse({ description: "Not a commander of the team's agency, an observer, or a liaison" })
  @ApiNotFoundResponse({ description: 'No such operation or team, or the caller may not see it' })
  @ApiConflictResponse({ description: 'The uid is bound to another team, or the operation is closed' })
  bind(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Body(new ZodPipe(bindTakDeviceSchema)) body: BindTakDevice,
  ) {
    return this.devices.bind(user, operationId, teamId, body.uid);
  }

  @Delete('operations/:operationId/teams/:teamId/devices/:uid')
  @ApiRemoval({
    summary: 'Unbind a TAK device from a team',
    done: 'Unbound',
    forbidden: "Not a commander of the team's agency, an observer, or a liaison",
    notFound: 'No such operation, team or device binding',
  })
  async unbind(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('uid') uid: string,
  ): Promise<void> {
    const checked = takDeviceUidSchema.safeParse(uid);
    if (!checked.success) throw badRequest('validation_failed', 'uid: not a CoT uid');
    await this.devices.unbind(user, operationId, teamId, checked.data);
  }
}
