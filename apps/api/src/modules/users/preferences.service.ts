import { Injectable } from '@nestjs/common';
import type { UpdatePreferences, User } from '@lintas/contracts';
import { unauthorized } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { toUser } from './user.mapper';
import { UsersRepository } from './users.repository';

/**
 * A user's own language and time display. Only ever the caller's own (the route names no user), so
 * any signed-in role may set them: they change what this user sees and nothing anyone else sees,
 * which is also why they are not audited.
 */
@Injectable()
export class PreferencesService {
  constructor(private readonly users: UsersRepository) {}

  async update(user: AuthUser, changes: UpdatePreferences): Promise<User> {
    await this.users.updatePreferences(user.id, changes);
    const row = await this.users.findById(user.id);
    if (!row) throw unauthorized();
    return toUser(row);
  }
}
