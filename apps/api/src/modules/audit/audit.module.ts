import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditTrailService } from './audit-trail.service';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditRepository, AuditService, AuditTrailService], exports: [AuditService] })
export class AuditModule {}
