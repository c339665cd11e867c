import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { OperationsModule } from '../operations/operations.module';
import { ReportsModule } from '../reports/reports.module';
import { DocumentChecksModule } from '../document-checks/document-checks.module';
import { SitesModule } from '../sites/sites.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoHistoryRepository } from './demo-history.repository';
import { DemoSeeder } from './demo-seeder.service';
import { DemoTaskingSeeder } from './demo-tasking.service';
import { TaskingModule } from '../tasking/tasking.module';

/** The demo data seeder; run once at start in demo mode (see startup-tasks.ts). */
@Module({
  imports: [AgenciesModule, UsersModule, SitesModule, OperationsModule, TeamsModule, ReportsModule, DocumentChecksModule, TaskingModule],
  providers: [DemoSeeder, DemoHistoryRepository, DemoTaskingSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
