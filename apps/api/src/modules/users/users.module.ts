import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** UsersRepository and RefreshTokensRepository come from the (global) AuthModule. */
@Module({ imports: [AgenciesModule], controllers: [UsersController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
