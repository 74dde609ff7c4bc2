import type { z } from 'zod';
import { accountsCommands } from './accounts/commands';
import { appealCommands } from './appeal/commands';
import { dialogueCommands } from './dialogue/commands';
import { distributionCommands } from './distribution/commands';
import { evaluationCommands } from './evaluation/commands';
import { feedbackCommands } from './feedback/commands';
import { homeCommands } from './home/commands';
import { realisasiCommands } from './realisasi/commands';
import { reportsCommands } from './reports/commands';
import { auditCommands } from './audit/commands';
import { authCommands } from './auth/commands';
import { backupCommands } from './backup/commands';
import { centralCommands } from './central/commands';
import { syncCommands } from './sync/commands';
import { orgCommands } from './org/commands';
import { peopleCommands } from './people/commands';
import { setupCommands } from './setup/commands';
import { skpCommands } from './skp/commands';
import { yearCommands } from './year/commands';

/** Every command of the product. Add a capability's map here and its handlers in core. */
export const commands = {
  ...setupCommands,
  ...authCommands,
  ...accountsCommands,
  ...homeCommands,
  ...auditCommands,
  ...yearCommands,
  ...skpCommands,
  ...realisasiCommands,
  ...feedbackCommands,
  ...dialogueCommands,
  ...evaluationCommands,
  ...appealCommands,
  ...distributionCommands,
  ...reportsCommands,
  ...backupCommands,
  ...syncCommands,
  ...centralCommands,
  ...orgCommands,
  ...peopleCommands,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller sends (before defaults are applied). */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
