import { startLintasApi, type RunningLintas, type StartLintasOptions } from '@lintas/testing';
import { requireLocalUrl } from './local-url';

export type LintasServer = RunningLintas;

/**
 * The built API on a fresh database and a free port of 127.0.0.1, through the shared launcher of
 * `@lintas/testing` (also used by the browser tests and the API's cluster spec). The simulator adds
 * one rule of its own: a load generator only ever touches this machine, its database included.
 */
export async function startLintasServer(options: StartLintasOptions = {}): Promise<LintasServer> {
  if (process.env.DATABASE_URL) requireLocalUrl(process.env.DATABASE_URL.replace(/^postgres(ql)?:/, 'http:'), 'DATABASE_URL');
  return startLintasApi(options);
}
