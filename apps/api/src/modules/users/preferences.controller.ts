import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { updatePreferencesSchema, userSchema, type UpdatePreferences } from '@lintas/contracts';
import { ApiZodBody, ApiZodOk } from '../../common/openapi';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PreferencesService } from './preferences.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('me')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  /** The signed-in user's own language (`null`: not chosen) and time display (`local` or `utc`). */
  @Put('preferences')
  @ApiZodBody(updatePreferencesSchema, { language: 'km', timeDisplay: 'utc' })
  @ApiZodOk(userSchema, 'The signed-in user, with `preferences { language, timeDisplay }`')
  update(@CurrentUser() user: AuthUser, @Body(new ZodPipe(updatePreferencesSchema)) body: UpdatePreferences) {
    return this.preferences.update(user, body);
  }
}
