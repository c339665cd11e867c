import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenGuard } from './access-token.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordTokensRepository } from './password-tokens.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SetPasswordLinks } from './set-password-links';
import { SetPasswordService } from './set-password.service';
import { SetPasswordThrottle } from './set-password-throttle';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse a string secret
      // as a public key on every verification, a measurable cost on each request and handshake.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    UsersRepository,
    RefreshTokensRepository,
    LoginThrottle,
    PasswordTokensRepository,
    SetPasswordLinks,
    SetPasswordThrottle,
    SetPasswordService,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
  ],
  exports: [AuthService, UsersRepository, RefreshTokensRepository, SetPasswordLinks],
})
export class AuthModule {}
