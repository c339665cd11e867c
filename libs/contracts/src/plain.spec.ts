import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as plain from './plain';
import * as contracts from './index';

/** The relative modules a source file imports at run time (type-only imports and re-exports are erased). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(join(__dirname, file), 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) specifiers.push(match[1]);
  return specifiers;
}

describe('@lintas/contracts/plain', () => {
  it('reaches no zod and no schema module', () => {
    const seen = new Set<string>();
    const pending = ['plain.ts'];
    for (let file = pending.pop(); file; file = pending.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of runtimeImports(file)) {
        expect(specifier.startsWith('.'), `${file} imports ${specifier}`).toBe(true);
        const target = join(dirname(file), specifier);
        pending.push(existsSync(join(__dirname, `${target}.ts`)) ? `${target}.ts` : join(target, 'index.ts'));
      }
    }
    // The modules that define schemas (each imports zod, which the check above refuses) are not reached.
    expect([...seen]).toContain('policy/tasking-policy.ts');
    for (const schemas of ['common.ts', 'reports.ts', 'tasks.ts', 'requests.ts', 'socket.ts', 'preferences.ts']) expect([...seen]).not.toContain(schemas);
  });

  it('exports the very values of the main index', () => {
    for (const [name, value] of Object.entries(plain)) expect(contracts[name as keyof typeof contracts], name).toBe(value);
  });
});
