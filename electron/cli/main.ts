import { describeError, UsageError } from './args';
import * as audit from './commands/audit';
import * as backup from './commands/backup';
import * as exportCmd from './commands/export';
import * as importCmd from './commands/import';
import * as init from './commands/init';
import * as restore from './commands/restore';
import * as seed from './commands/seed';
import * as serve from './commands/serve';

interface CliCommand {
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** The `kinerja` command line: one module per command under ./commands. */
const cliCommands: Record<string, CliCommand> = { init, serve, audit, backup, restore, import: importCmd, export: exportCmd, seed };

function help(): string {
  return ['Penggunaan: kinerja <perintah> [opsi]', '', ...Object.values(cliCommands).map((c) => `  kinerja ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = cliCommands[name];
  if (!command) {
    console.error(`Perintah "${name}" tidak dikenal.\n\n${help()}`);
    return 2;
  }
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
