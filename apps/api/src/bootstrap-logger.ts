import pino from 'pino';

/** The logger used before Nest is up (database start, migrations, seeding) and by the CLIs. */
export function bootstrapLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({ level, base: { context: 'bootstrap' } });
}
