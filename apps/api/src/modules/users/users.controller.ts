import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createUserSchema, updateUserSchema, userSchema, userWithSetPasswordLinkSchema, type CreateUser, type UpdateUser } from '@lintas/contracts';
import { z } from 'zod';
import { ApiZodBody, ApiZodCreated, ApiZodOk } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Administrators: every account. Commanders: their own agency's. */
  @Get()
  @ApiZodOk(z.array(userSchema), 'User[]: the accounts the caller administers')
  list(@CurrentUser() user: AuthUser) {
    return this.users.list(user);
  }

  @Post()
  @ApiZodBody(createUserSchema, {
    email: 'field2@kh-gdi.demo',
    name: 'Chea Sophal',
    role: 'field',
    agencyId: '00000000-0000-4000-8000-000000000000',
  })
  @ApiZodCreated(userWithSetPasswordLinkSchema, '{ user, setPassword: { path, token, expiresAt } }: the one-time link is shown here only; the account cannot sign in until its holder uses it')
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createUserSchema)) body: CreateUser) {
    return this.users.create(user, body);
  }

  /** A new one-time set-password link; the old password and every sign-in of the account end at once. */
  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiZodOk(userWithSetPasswordLinkSchema, '{ user, setPassword: { path, token, expiresAt } }')
  resetPassword(@CurrentUser() user: AuthUser, @Param('id', uuidParam('User id')) id: string) {
    return this.users.resetPassword(user, id);
  }

  /** `disabled: true` ends every session of the account at once; `false` enables it again. */
  @Patch(':id')
  @ApiZodBody(updateUserSchema, { disabled: true })
  @ApiZodOk(userSchema, 'The account as updated')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam('User id')) id: string, @Body(new ZodPipe(updateUserSchema)) body: UpdateUser) {
    return this.users.update(user, id, body);
  }
}
