#!/usr/bin/env node
// The juzhu command line: serve, migrate. Checks its arguments and the configuration first.
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/client.ts';
import { serve } from './serve.ts';

const program = new Command('juzhu').description('Electronic residence permits (居住证)');

program
  .command('serve', { isDefault: true })
  .description('run the platform (demo mode on embedded PGlite unless configured otherwise)')
  .action(() => serve(loadConfig()));

program
  .command('migrate')
  .description('apply the database migrations and exit')
  .action(async () => {
    const database = openDatabase(loadConfig());
    await database.migrate();
    await database.close();
    console.log('migrations applied');
  });

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    console.error(`configuration error: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
