// What every command group shares: the program, the --json choice, the configuration (read once,
// when a command first needs it) and a way to run with the database open.
import { Command, Option } from 'commander';
import { createDeps, type AppDeps } from '../app';
import { loadConfig, type Config } from '../config';
import { systemContext, type RequestContext } from '../platform/context';
import { fail, type OutputOptions } from './output';

export interface Cli {
  program: Command;
  /** The CLI acts as the system, recorded as "system:cli" in the audit log. */
  cli: RequestContext;
  opts(): OutputOptions;
  cfg(): Config;
  /** Runs fn with the database open and migrated, then closes it; errors exit non-zero. */
  withDeps(fn: (deps: AppDeps) => Promise<void>): Promise<void>;
}

export function createCli(): Cli {
  const program = new Command('siaga')
    .description('Siaga: protecting nationals and migrants abroad in crises')
    .addOption(new Option('--json', 'print machine-readable JSON'))
    .showHelpAfterError();
  let config: Config | undefined;
  const opts = () => program.opts<OutputOptions>();
  const cfg = () => (config ??= loadConfig());
  return {
    program,
    cli: systemContext('cli'),
    opts,
    cfg,
    async withDeps(fn) {
      let deps: AppDeps | undefined;
      let error: unknown = null;
      try {
        deps = await createDeps(cfg());
        await fn(deps);
      } catch (err) {
        error = err;
      }
      await deps?.handle.close().catch(() => undefined);
      if (error) fail(error, opts());
    },
  };
}
