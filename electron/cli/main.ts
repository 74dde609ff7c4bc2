import { describeError, UsageError } from './args';

interface CliCommand {
  usage: string;
  run(argv: string[]): Promise<number>;
}

/**
 * The `kinerja` command line: one module per command under ./commands, loaded when that command
 * runs. `serve` then starts without loading the spreadsheet, PDF and seed code of the other
 * commands (a large share of a cold start).
 */
const cliCommands: Record<string, () => Promise<CliCommand>> = {
  init: () => import('./commands/init'),
  serve: () => import('./commands/serve'),
  audit: () => import('./commands/audit'),
  accounts: () => import('./commands/accounts'),
  backup: () => import('./commands/backup'),
  restore: () => import('./commands/restore'),
  import: () => import('./commands/import'),
  year: () => import('./commands/year'),
  export: () => import('./commands/export'),
  seed: () => import('./commands/seed'),
  release: () => import('./commands/release'),
  sync: () => import('./commands/sync'),
  central: () => import('./commands/central'),
};

async function help(): Promise<string> {
  const all = await Promise.all(Object.values(cliCommands).map((load) => load()));
  return ['Penggunaan: kinerja <perintah> [opsi]', '', ...all.map((c) => `  kinerja ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await help());
    return 0;
  }
  const load = Object.hasOwn(cliCommands, name) ? cliCommands[name] : undefined;
  if (!load) {
    console.error(`Perintah "${name}" tidak dikenal.\n\n${await help()}`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest);
  } catch (err) {
    console.error(describeError(err));
    if (err instanceof UsageError) console.error(`\nPenggunaan: kinerja ${command.usage}`);
    return err instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
