import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AGENCY_KINDS, createAgencySchema, type AgencyKind } from '@lintas/contracts';
import { DataSource } from 'typeorm';
import { bootstrapLogger } from './bootstrap-logger';
import { ConfigError, loadConfig } from './config/config';
import { dataSourceOptions, runMigrations } from './database/data-source';
import { openDatabaseServer } from './database/database-server';
import { createFirstAdministrator } from './modules/users/first-administrator';

const USAGE = `Usage: npm run admin:create -- --email admin@agency.example --name "Full Name" --agency CODE
         [--agency-name "Agency name"] [--country XX] [--kind ${AGENCY_KINDS.join('|')}] [--url https://lintas.example.org]

Creates the agency (when CODE is new) and an administrator without a password, and prints a one-time
link to choose it. For an existing administrator: forgets the password and prints a new link.`;

/** `npm run admin:create`: the first administrator of a new installation (DATABASE_URL, or the embedded PostgreSQL). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      'agency-name': { type: 'string' },
      country: { type: 'string' },
      kind: { type: 'string', default: 'international_organisation' },
      url: { type: 'string' },
    },
  });
  if (!values.email || !values.name || !values.agency) throw new UsageError(USAGE);
  const agency = createAgencySchema.safeParse({
    code: values.agency.toUpperCase(),
    name: values['agency-name'] ?? values.agency.toUpperCase(),
    country: values.country ? values.country.toUpperCase() : null,
    kind: values.kind as AgencyKind,
  });
  if (!agency.success) throw new UsageError(`${agency.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')}\n\n${USAGE}`);

  const log = bootstrapLogger();
  const config = loadConfig();
  const database = await openDatabaseServer(config, (message) => log.info(message), (message) => log.debug(message));
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await runMigrations(database.url);
    await dataSource.initialize();
    const email = values.email.trim().toLowerCase();
    const result = await createFirstAdministrator(dataSource, config, { email, name: values.name, agency: agency.data });
    const base = (values.url ?? `http://localhost:${config.port}`).replace(/\/$/, '');
    console.log(
      [
        result.created.agency ? `Agency ${agency.data.code} created.` : `Agency ${agency.data.code} exists.`,
        result.created.user ? `Administrator ${email} created.` : `Administrator ${email}: password forgotten, sign-ins ended.`,
        '',
        'Open this link (once, before it expires) to choose the password:',
        `  ${base}${result.link.path}`,
        `  expires ${result.link.expiresAt}`,
      ].join('\n'),
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

class UsageError extends Error {}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof UsageError ? error.message : `admin:create failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
