import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { auditPageSchema, auditQuerySchema, type AuditQuery } from '@lintas/contracts';
import { ApiZodOk, ApiZodQuery } from '../../common/openapi';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuditTrailService } from './audit-trail.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  /**
   * Administrators: who did (or read) what, when; newest first. e.g. `?action=report.read&operationId=…`,
   * `?userId=…&from=2026-12-01T00:00:00Z`. Pass `nextCursor` back as `cursor` for the next page.
   */
  @Get()
  @ApiZodQuery(auditQuerySchema)
  @ApiZodOk(auditPageSchema, '{ items: AuditEntry[], nextCursor }')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(auditQuerySchema)) query: AuditQuery) {
    return this.trail.list(user, query);
  }
}
