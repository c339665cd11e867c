import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { PreferencesController } from './preferences.controller';
import { PreferencesService } from './preferences.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** UsersRepository and RefreshTokensRepository come from the (global) AuthModule. */
@Module({ imports: [AgenciesModule], controllers: [UsersController, PreferencesController], providers: [UsersService, PreferencesService], exports: [UsersService] })
export class UsersModule {}
