import { Injectable } from '@nestjs/common';
import { TeamsRepository } from './teams.repository';

/** Whether a user is on a team: field officers post positions and reports only for their own team. */
@Injectable()
export class TeamMembershipService {
  constructor(private readonly teams: TeamsRepository) {}

  isMember(userId: string, teamId: string): Promise<boolean> {
    return this.teams.isMember(userId, teamId);
  }
}
