import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { AfterActionModule } from './modules/after-action/after-action.module';
import { AuditModule } from './modules/audit/audit.module';
import { ReplayModule } from './modules/replay/replay.module';
import { AuthModule } from './modules/auth/auth.module';
import { EventLogModule } from './modules/event-log/event-log.module';
import { ClientConfigModule } from './modules/client-config/client-config.module';
import { BasemapModule } from './modules/basemap/basemap.module';
import { HealthModule } from './modules/health/health.module';
import { ReportsModule } from './modules/reports/reports.module';
import { DocumentChecksModule } from './modules/document-checks/document-checks.module';
import { RetentionModule } from './modules/retention/retention.module';
import { SnapshotModule } from './modules/snapshot/snapshot.module';
import { ExportsModule } from './modules/exports/exports.module';
import { TakModule } from './modules/tak/tak.module';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { OperationsModule } from './modules/operations/operations.module';
import { PositionsModule } from './modules/positions/positions.module';
import { SitesModule } from './modules/sites/sites.module';
import { TeamsModule } from './modules/teams/teams.module';
import { UsersModule } from './modules/users/users.module';
import { DemoModule } from './modules/demo/demo.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RedisModule } from './redis/redis.module';
import { RateLimitsModule } from './modules/rate-limits/rate-limits.module';
import { TaskingModule } from './modules/tasking/tasking.module';

/** Feature modules, in one list so that the application and the tests boot the same thing. */
const FEATURE_MODULES = [
  DatabaseModule,
  RedisModule,
  RateLimitsModule,
  EventLogModule,
  AuditModule,
  AuthModule,
  HealthModule,
  ClientConfigModule,
  BasemapModule,
  AgenciesModule,
  UsersModule,
  SitesModule,
  OperationsModule,
  TeamsModule,
  DemoModule,
  ReportsModule,
  DocumentChecksModule,
  RetentionModule,
  TaskingModule,
  SnapshotModule,
  ExportsModule,
  TakModule,
  ReplayModule,
  AfterActionModule,
  PositionsModule,
  RealtimeModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (request) => request.url === '/api/health' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // One short line per request: no headers (tokens, long security headers) in the logs.
            serializers: {
              req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), autoLoadEntities: true }),
        ...FEATURE_MODULES,
      ],
    };
  }
}
