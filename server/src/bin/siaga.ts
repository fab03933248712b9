// The siaga command line. Output is for people by default; --json prints one JSON document for
// scripts. Errors go to stderr and exit non-zero. The commands live in ../cli/.
import { createCli } from '../cli/cli';
import { registerDataCommands } from '../cli/data.commands';
import { registerDirectoryCommands } from '../cli/directory.commands';
import { registerImportCommands } from '../cli/import.commands';
import { registerCrisesCommands } from '../cli/crises.commands';
import { fail } from '../cli/output';
import { registerRunCommands } from '../cli/run.commands';

const cli = createCli();
registerRunCommands(cli);
registerDataCommands(cli);
registerDirectoryCommands(cli);
registerImportCommands(cli);
registerCrisesCommands(cli);
cli.program.parseAsync(process.argv).catch((err) => fail(err, cli.opts()));
