import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { ErrorFilter } from './common/error.filter';
import { serveDashboard } from './dashboard-static';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';

export const API_PREFIX = 'api';

/** Builds the application exactly as it runs: used by `main.ts` and by the integration tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Socket.IO on the same server; on Redis when REDIS_URL is set (several instances).
  app.useWebSocketAdapter(await RealtimeIoAdapter.create(app, config));
  app.set('trust proxy', 'loopback');
  app.useBodyParser('json', { limit: '1mb' });
  // Field officers load the page over slow mobile links: gzip every text answer.
  app.use(compression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Leaflet draws tiles from the configured tile server and uses inline styles.
          'img-src': ["'self'", 'data:', 'blob:', ...(config.map.tileUrl ? [new URL(config.map.tileUrl.replace(/\{[^}]+\}/g, 'a')).origin] : [])],
          'style-src': ["'self'", "'unsafe-inline'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'worker-src': ["'self'", 'blob:'],
          // Lintas is often served over plain HTTP inside an agency network (or behind a TLS proxy
          // that sets its own policy): upgrading would break every asset on a LAN address.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new ErrorFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Lintas API')
      .setDescription('Joint operations coordination for multi-agency border operations')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });

  serveDashboard(app, config.dashboardDir);
  return app;
}
