import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

/**
 * In production the API serves the built dashboard on its own port: static files, and
 * `index.html` for every other non-API path so that client-side routes survive a reload. Source
 * maps stay on the server: the build writes them (hidden) for whoever reads a stack trace there,
 * and they are never served, so the dashboard's source is not published.
 */
export function serveDashboard(app: NestExpressApplication, dashboardDir: string): void {
  const index = join(dashboardDir, 'index.html');
  if (!existsSync(index)) return;
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path.endsWith('.map') && !request.path.startsWith('/api')) {
      response.status(404).json({ statusCode: 404, error: 'Not Found', code: 'not_found', message: 'Not found' });
      return;
    }
    next();
  });
  app.use(express.static(dashboardDir, { index: false, maxAge: '1h', setHeaders: noCacheForEntryPoints }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || request.path.startsWith('/socket.io')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

function noCacheForEntryPoints(response: Response, path: string): void {
  if (path.endsWith('index.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest')) {
    response.setHeader('Cache-Control', 'no-cache');
  }
}
