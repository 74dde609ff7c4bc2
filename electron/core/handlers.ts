import type { CommandName } from '../../shared/commands';
import { accountsHandlers } from './accounts/handlers';
import { appealHandlers } from './appeal/handlers';
import { dialogueHandlers } from './dialogue/handlers';
import { distributionHandlers } from './distribution/handlers';
import { evaluationHandlers } from './evaluation/handlers';
import { feedbackHandlers } from './feedback/handlers';
import { homeHandlers } from './home/handlers';
import { realisasiHandlers } from './realisasi/handlers';
import { reportsHandlers } from './reports/handlers';
import { waitingHandlers } from './reports/waiting';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { syncHandlers } from './sync/handlers';
import type { AsyncCommandName } from './async-handlers';
import type { HandlerMap } from './context';
import { orgHandlers } from './org/handlers';
import { peopleHandlers } from './people/handlers';
import { setupHandlers } from './setup/handlers';
import { skpHandlers } from './skp/handlers';
import { yearHandlers } from './year/handlers';

/**
 * Every command's handler (those that await are in async-handlers.ts). The type makes a missing
 * handler a compile error.
 */
export const handlers: HandlerMap<Exclude<CommandName, AsyncCommandName>> = {
  ...setupHandlers,
  ...authHandlers,
  ...accountsHandlers,
  ...homeHandlers,
  ...auditHandlers,
  ...yearHandlers,
  ...skpHandlers,
  ...realisasiHandlers,
  ...feedbackHandlers,
  ...dialogueHandlers,
  ...evaluationHandlers,
  ...appealHandlers,
  ...distributionHandlers,
  ...reportsHandlers,
  ...waitingHandlers,
  ...backupHandlers,
  ...syncHandlers,
  ...orgHandlers,
  ...peopleHandlers,
};
