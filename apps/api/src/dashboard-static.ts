import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
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
  app.use(precompressedAssets(dashboardDir));
  app.use(express.static(dashboardDir, { index: false, maxAge: '1h', setHeaders: cacheHeaders }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || request.path.startsWith('/socket.io')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

/** Files under /assets/ carry their content's hash in their name: a browser keeps them for a year and never asks again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.bin': 'application/octet-stream' };

function cacheHeaders(response: Response, path: string): void {
  if (path.endsWith('index.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest')) {
    response.setHeader('Cache-Control', 'no-cache');
  } else if (path.includes(`${sep}assets${sep}`)) {
    response.setHeader('Cache-Control', IMMUTABLE);
  }
}

/**
 * The build compresses the assets once (apps/dashboard/scripts/precompress.mjs): a browser that
 * accepts brotli or gzip gets that file as it is, and the API spends no CPU gzipping ~2 MB of
 * JavaScript on every first load (the `compression` middleware leaves an encoded answer alone).
 */
function precompressedAssets(dashboardDir: string) {
  const assets = resolve(dashboardDir, 'assets');
  return (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.path.startsWith('/assets/')) return next();
    const type = CONTENT_TYPES[extname(request.path)];
    const file = resolve(dashboardDir, `.${request.path}`);
    if (!type || !file.startsWith(assets + sep)) return next();
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = ENCODINGS.find((candidate) => new RegExp(`\\b${candidate.name}\\b`).test(accepted) && existsSync(file + candidate.suffix));
    if (!encoding) return next();
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Encoding', encoding.name);
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('Cache-Control', IMMUTABLE);
    response.sendFile(file + encoding.suffix, (error) => {
      if (error && !response.headersSent) next();
    });
  };
}
