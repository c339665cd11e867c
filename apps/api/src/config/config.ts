import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DOCUMENT_HIT_MARKING, MARKINGS, TILE_URL_TEMPLATE, type Marking } from '@lintas/contracts';
import { z } from 'zod';

/**
 * The one place that reads the environment. It is validated once at boot; a wrong value stops
 * the process with the variable's name. Everything else receives an `AppConfig`.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * A file path that may be handed over empty: docker-compose.yml names a mounted file only when the
 * host gave one (`${VAR:+path}`), and an empty value means unset.
 */
const optionalFile = z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).optional());

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LINTAS_DATA_DIR: z.string().min(1).default('.lintas'),
  EMBEDDED_PG_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Prefix of the Redis stream and channels of the Socket.IO adapter: instances sharing it form one cluster. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default('lintas'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(90 * 86_400).default(14 * 86_400),
  /** How long a set-password link (new or reset account) stays valid. */
  SET_PASSWORD_TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(24),
  /** `auto`: Secure when the request came over HTTPS (directly or through a proxy on this host). */
  AUTH_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Origins whose pages may use the sign-in routes besides the request's own host (a proxy that rewrites Host). */
  AUTH_ALLOWED_ORIGINS: z
    .string()
    .regex(/^\s*(https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$/, 'must be comma-separated origins such as https://lintas.example.org')
    .optional(),
  DEMO_DATA: booleanString.optional(),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default('lintas-demo-2026'),
  TILE_URL: z
    .string()
    .regex(TILE_URL_TEMPLATE, 'must be an http(s) tile URL template with {z}, {x} and {y}')
    .optional(),
  TILE_ATTRIBUTION: z.string().max(500).optional(),
  /** A PMTiles v3 archive (vector, e.g. a Protomaps extract) on this server: turns the vector basemap on. */
  BASEMAP_PMTILES: optionalFile,
  POSITION_STALE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  DASHBOARD_DIR: z.string().min(1).optional(),
  /** Durable writes (reports, amendments, verifications, every other POST/PATCH/DELETE) per user a second. */
  WRITES_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(20),
  /** `operation:subscribe` per user a second (every reconnect subscribes again). */
  SUBSCRIPTIONS_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Key of the HMAC-SHA-256 that turns document numbers into the hashes the lists and checks keep. */
  DOCUMENT_HASH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Days after an operation closes before its document-check hashes are erased and its narratives redacted. */
  RETENTION_DAYS_AFTER_CLOSE: z.coerce.number().int().min(1).max(3650).default(90),
  /** The marking of the alert a potential hit raises (and of the check for other agencies); TLP:RED would need recipients. */
  DOCUMENT_HIT_MARKING: z.enum(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT']).default(DOCUMENT_HIT_MARKING as 'TLP:AMBER'),
  /** Headless Chromium for the after-action report's PDF; when it is missing the report answers 503. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The CoT (TAK) listener's TCP port; unset: no listener. 0 picks a free port (tests). */
  COT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  COT_HOST: z.string().min(1).default('0.0.0.0'),
  /** TLS for the CoT listener: certificate and key (PEM files); with COT_TLS_CA, clients must present a certificate it signed. */
  COT_TLS_CERT: optionalFile,
  COT_TLS_KEY: optionalFile,
  COT_TLS_CA: optionalFile,
  /** The markings Lintas sends to TAK devices (TAK shows no per-item marking). */
  COT_RELEASE_MARKINGS: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(MARKINGS)).min(1))
    .default(['TLP:CLEAR', 'TLP:GREEN']),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Null means: start the embedded PostgreSQL. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgres: { dir: string; port: number };
  redisUrl: string | null;
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  setPasswordTokenTtlHours: number;
  /** Whether the refresh-token cookie is marked Secure: always, never, or when the request is HTTPS. */
  authCookieSecure: 'auto' | 'always' | 'never';
  /** Hosts (host[:port], lower case) of AUTH_ALLOWED_ORIGINS. */
  authAllowedHosts: string[];
  demo: { enabled: boolean; password: string };
  /** basemapPmtiles: absolute path of the vector basemap archive, or null (the embedded ground layers only). */
  map: { tileUrl: string | null; tileAttribution: string | null; basemapPmtiles: string | null };
  positionStaleSeconds: number;
  dashboardDir: string;
  logLevel: string;
  /** HMAC key for document numbers: never stored next to the hashes. */
  documentHashSecret: string;
  retentionDaysAfterClose: number;
  documentHitMarking: Marking;
  /** The Chromium that prints the after-action report. */
  chromiumPath: string;
  /** Per user, shared by the instances through Redis; each allows three times as many more over ten seconds. */
  rateLimits: { writesPerSecond: number; subscriptionsPerSecond: number };
  /** The CoT listener: null when COT_PORT is unset (off by default). */
  cot: { port: number; host: string; tls: { cert: string; key: string; ca: string | null } | null; releaseMarkings: Marking[] } | null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_DEMO_PASSWORD = 'lintas-demo-2026';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = absolute(e.LINTAS_DATA_DIR, cwd);
  const demoEnabled = e.DEMO_DATA ?? !production;

  if ((e.COT_TLS_CERT === undefined) !== (e.COT_TLS_KEY === undefined)) {
    throw new ConfigError('Invalid configuration:\n  COT_TLS_CERT: COT_TLS_CERT and COT_TLS_KEY go together');
  }
  if (e.COT_TLS_CA !== undefined && e.COT_TLS_CERT === undefined) throw new ConfigError('Invalid configuration:\n  COT_TLS_CA: needs COT_TLS_CERT and COT_TLS_KEY');
  if (production && !e.JWT_SECRET) throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production');
  if (production && !e.DOCUMENT_HASH_SECRET) throw new ConfigError('Invalid configuration:\n  DOCUMENT_HASH_SECRET: required in production');
  if (production && demoEnabled && e.DEMO_PASSWORD === DEFAULT_DEMO_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  DEMO_PASSWORD: the default demo password is refused in production');
  }

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    embeddedPostgres: { dir: e.EMBEDDED_PG_DIR ? absolute(e.EMBEDDED_PG_DIR, cwd) : join(dataDir, 'pg'), port: e.EMBEDDED_PG_PORT },
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET ?? localDevelopmentSecret(dataDir),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    setPasswordTokenTtlHours: e.SET_PASSWORD_TOKEN_TTL_HOURS,
    authCookieSecure: e.AUTH_COOKIE_SECURE === 'auto' ? 'auto' : e.AUTH_COOKIE_SECURE === 'true' ? 'always' : 'never',
    authAllowedHosts: (e.AUTH_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean).map((origin) => new URL(origin).host.toLowerCase()),
    demo: { enabled: demoEnabled, password: e.DEMO_PASSWORD },
    map: { tileUrl: e.TILE_URL ?? null, tileAttribution: e.TILE_ATTRIBUTION ?? null, basemapPmtiles: e.BASEMAP_PMTILES ? existingFile('BASEMAP_PMTILES', absolute(e.BASEMAP_PMTILES, cwd)) : null },
    positionStaleSeconds: e.POSITION_STALE_SECONDS,
    dashboardDir: e.DASHBOARD_DIR ? absolute(e.DASHBOARD_DIR, cwd) : resolve(__dirname, '../../../dashboard/dist'),
    logLevel: e.LOG_LEVEL,
    documentHashSecret: e.DOCUMENT_HASH_SECRET ?? localDevelopmentSecret(dataDir, 'document-hash-secret'),
    retentionDaysAfterClose: e.RETENTION_DAYS_AFTER_CLOSE,
    documentHitMarking: e.DOCUMENT_HIT_MARKING,
    chromiumPath: e.CHROMIUM_PATH,
    rateLimits: { writesPerSecond: e.WRITES_PER_SECOND, subscriptionsPerSecond: e.SUBSCRIPTIONS_PER_SECOND },
    cot:
      e.COT_PORT === undefined
        ? null
        : {
            port: e.COT_PORT,
            host: e.COT_HOST,
            tls: e.COT_TLS_CERT && e.COT_TLS_KEY ? { cert: absolute(e.COT_TLS_CERT, cwd), key: absolute(e.COT_TLS_KEY, cwd), ca: e.COT_TLS_CA ? absolute(e.COT_TLS_CA, cwd) : null } : null,
            releaseMarkings: e.COT_RELEASE_MARKINGS,
          },
  };
}

function existingFile(name: string, path: string): string {
  let file = false;
  try {
    file = statSync(path).isFile();
  } catch {
    file = false;
  }
  if (!file) throw new ConfigError(`Invalid configuration:\n  ${name}: no file at ${path}`);
  return path;
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** Outside production a secret is made once and kept in the data folder, so sessions survive restarts. */
function localDevelopmentSecret(dataDir: string, name = 'jwt-secret'): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
