import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { loginRequestSchema, logoutRequestSchema, refreshRequestSchema, type LoginRequest, type RefreshRequest } from '@lintas/contracts';
import type { Request } from 'express';
import { ApiZodBody } from '../../common/openapi';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from './auth-user';
import { AuthService, type ClientInfo } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema, { email: 'commander@kh-police.demo', password: 'lintas-demo-2026' })
  @ApiOkResponse({ description: '{ accessToken, refreshToken, expiresIn, user }' })
  @ApiUnauthorizedResponse({ description: 'Invalid e-mail or password (never says which)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address' })
  login(@Body(new ZodPipe(loginRequestSchema)) body: LoginRequest, @Req() request: Request) {
    return this.auth.login(body, clientInfo(request));
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiZodBody(refreshRequestSchema)
  @ApiOkResponse({ description: 'A new access token and a new refresh token; the old refresh token stops working' })
  refresh(@Body(new ZodPipe(refreshRequestSchema)) body: RefreshRequest, @Req() request: Request) {
    return this.auth.refresh(body.refreshToken, clientInfo(request));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiZodBody(logoutRequestSchema)
  async logout(@Body(new ZodPipe(logoutRequestSchema)) body: RefreshRequest, @CurrentUser() user: AuthUser) {
    await this.auth.logout(body.refreshToken, user);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The signed-in user: id, email, name, role, agency { id, code, name }' })
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }
}

function clientInfo(request: Request): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}
