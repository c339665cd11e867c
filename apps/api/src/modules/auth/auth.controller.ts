import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import {
  CSRF_HEADER,
  loginRequestSchema,
  logoutRequestSchema,
  REFRESH_COOKIE_NAME,
  REFRESH_COOKIE_PATH,
  refreshRequestSchema,
  setPasswordRequestSchema,
  setPasswordResponseSchema,
  userSchema,
  type LoginRequest,
  type SetPasswordRequest,
  type SetPasswordResponse,
  type LoginResponse,
  type RefreshRequest,
  type SessionResponse,
} from '@lintas/contracts';
import type { Request, Response } from 'express';
import { unauthorized } from '../../common/app-error';
import { ApiZodBody, ApiZodOk } from '../../common/openapi';
import { ZodPipe } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthUser } from './auth-user';
import { AuthService, type ClientInfo, type RefreshAnswer, ROTATION_GRACE_MS } from './auth.service';
import { assertCookieRequestFromApp, assertSameOriginIfSent } from './csrf';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { SetPasswordService } from './set-password.service';

const COOKIE = `\`${REFRESH_COOKIE_NAME}\` (HttpOnly, SameSite=Strict, Path=${REFRESH_COOKIE_PATH}; Secure per AUTH_COOKIE_SECURE)`;
const CSRF_RULE = `By cookie (empty body): the request must carry the header \`${CSRF_HEADER}: 1\` and an \`Origin\` of this host, or it is refused with 403.`;

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly setPasswords: SetPasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      `\`tokenDelivery\` says where the refresh token goes. \`cookie\` (default, for browsers): into the cookie ${COOKIE}; ` +
      'the answer is `{ accessToken, expiresIn, user }` and the page keeps the access token in memory only. ' +
      '`body` (for tools that are not browsers: scripts, the simulator, integrations): the answer also carries `refreshToken`, ' +
      'which the tool sends to /api/auth/refresh and /api/auth/logout in the body. A browser request from another site (`Origin` of another host) is refused with 403.',
  })
  @ApiZodBody(loginRequestSchema, { email: 'commander@kh-police.demo', password: 'lintas-demo-2026', tokenDelivery: 'body' })
  @ApiOkResponse({ description: '{ accessToken, expiresIn, user } and, with tokenDelivery "body", refreshToken' })
  @ApiUnauthorizedResponse({ description: 'Invalid e-mail or password (never says which)' })
  @ApiForbiddenResponse({ description: 'Sent by a page of another site' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address' })
  async login(
    @Body(new ZodPipe(loginRequestSchema)) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse | SessionResponse> {
    assertSameOriginIfSent(request, this.config.authAllowedHosts);
    const answer = await this.auth.login(body, clientInfo(request));
    noStore(response);
    if (body.tokenDelivery === 'body') return answer;
    return this.intoCookie(answer, request, response);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Renew the access token',
    description:
      'Rotates the refresh token: the old one stops working, and using it again ends the whole sign-in. ' +
      'With `refreshToken` in the body (tools): the answer carries the new `refreshToken`. ' +
      `Without a body: the refresh token comes from the cookie ${COOKIE}, the new one goes back into it, and the answer has no \`refreshToken\`. ` +
      `${CSRF_RULE} Two tabs refreshing with one cookie at once do not end the sign-in: a token rotated less than ${ROTATION_GRACE_MS / 1000} s earlier still buys an access token (without a new refresh token).`,
  })
  @ApiZodBody(refreshRequestSchema)
  @ApiOkResponse({ description: '{ accessToken, expiresIn, user } and, when the refresh token came in the body, the new refreshToken' })
  @ApiUnauthorizedResponse({ description: 'The refresh token is unknown, expired, reused or its sign-in has ended; sign in again' })
  @ApiForbiddenResponse({ description: 'By cookie without the CSRF header or the Origin of this host' })
  async refresh(
    @Body(new ZodPipe(refreshRequestSchema)) body: RefreshRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse | SessionResponse> {
    noStore(response);
    if (body.refreshToken) return (await this.auth.refresh(body.refreshToken, clientInfo(request))) as LoginResponse;
    assertCookieRequestFromApp(request, this.config.authAllowedHosts);
    const token = readRefreshCookie(request);
    if (!token) throw unauthorized('Not signed in on this browser (no sign-in cookie); sign in again');
    let answer: RefreshAnswer;
    try {
      answer = await this.auth.refresh(token, clientInfo(request), { rotationGrace: true });
    } catch (error) {
      clearRefreshCookie(response, request, this.config); // a dead token: stop sending it
      throw error;
    }
    return this.intoCookie(answer, request, response);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the sign-in the refresh token belongs to (its access tokens and open sockets stop at once). ' +
      `Tools send \`refreshToken\` in the body. Without a body the token comes from the cookie, which is cleared. ${CSRF_RULE} ` +
      'No access token is needed: holding the refresh token is the proof.',
  })
  @ApiZodBody(logoutRequestSchema)
  @ApiForbiddenResponse({ description: 'By cookie without the CSRF header or the Origin of this host' })
  async logout(
    @Body(new ZodPipe(logoutRequestSchema)) body: RefreshRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (body.refreshToken) {
      await this.auth.logout(body.refreshToken, clientInfo(request));
      return;
    }
    assertCookieRequestFromApp(request, this.config.authAllowedHosts);
    const token = readRefreshCookie(request);
    clearRefreshCookie(response, request, this.config);
    if (token) await this.auth.logout(token, clientInfo(request));
  }

  @Public()
  @Post('auth/set-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Choose a password with a one-time link',
    description:
      'The token comes from the link `/set-password?token=…` an administrator was shown once when creating or resetting the account. ' +
      'A token works once, until it expires (SET_PASSWORD_TOKEN_TTL_HOURS, 24 h by default) or a newer link replaces it; ' +
      'unknown, used, replaced and expired tokens all answer 400 `set_password_link_invalid`. Failed attempts are throttled per address as sign-ins are (429). ' +
      'Every sign-in of the account ends; the answer names the account so that the page can offer to sign in.',
  })
  @ApiZodBody(setPasswordRequestSchema, { token: 'Zq3…one-time token from the link…', password: 'a long pass phrase of my own' })
  @ApiZodOk(setPasswordResponseSchema, '{ email }: the account whose password was set')
  @ApiBadRequestResponse({ description: 'The password is too short, or the link is not valid any more' })
  @ApiForbiddenResponse({ description: 'Sent by a page of another site' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts from this address' })
  async setPassword(
    @Body(new ZodPipe(setPasswordRequestSchema)) body: SetPasswordRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SetPasswordResponse> {
    assertSameOriginIfSent(request, this.config.authAllowedHosts);
    noStore(response);
    return this.setPasswords.setPassword(body, clientInfo(request));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiZodOk(userSchema, 'The signed-in user: id, email, name, role, agency { id, code, name }, preferences')
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  /** The refresh token goes into the cookie (unless the grace answer kept the one the browser has); the body keeps the rest. */
  private intoCookie(answer: RefreshAnswer, request: Request, response: Response): SessionResponse {
    const { refreshToken, ...session } = answer;
    if (refreshToken) setRefreshCookie(response, request, this.config, refreshToken);
    return session;
  }
}

function clientInfo(request: Request): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/** Token answers must never be kept by a cache on the way. */
function noStore(response: Response): void {
  response.setHeader('Cache-Control', 'no-store');
}
