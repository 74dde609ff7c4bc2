import { appMessages } from '../app/messages';
import { guardMessages } from '../app/guardMessages';
import { formMessages } from '../app/formMessages';
import { appealMessages } from '../appeal/messages';
import { auditMessages } from '../audit/messages';
import { accountsMessages } from '../accounts/messages';
import { authMessages } from '../auth/messages';
import { backupMessages } from '../backup/messages';
import { syncMessages } from '../sync/messages';
import { centralMessages } from '../central/messages';
import { dialogueMessages } from '../dialogue/messages';
import { distributionMessages } from '../distribution/messages';
import { evaluationMessages } from '../evaluation/messages';
import { feedbackMessages } from '../feedback/messages';
import { helpMessages } from '../help/messages';
import { homeMessages } from '../home/messages';
import { realisasiMessages } from '../realisasi/messages';
import { orgMessages } from '../org/messages';
import { peopleMessages } from '../people/messages';
import { dashboardMessages } from '../reports/dashboardMessages';
import { myYearMessages } from '../reports/myYearMessages';
import { printMessages } from '../reports/printMessages';
import { settingsMessages } from '../settings/messages';
import { setupMessages } from '../setup/messages';
import { skpMessages } from '../skp/messages';
import { yearMessages } from '../year/messages';
import type { Language } from './define';

/** Every capability's catalog; add yours here. */
const parts = [appMessages, guardMessages, formMessages, authMessages, accountsMessages, setupMessages, homeMessages, settingsMessages, auditMessages, backupMessages, syncMessages, centralMessages, yearMessages, skpMessages, realisasiMessages, feedbackMessages, dialogueMessages, appealMessages, myYearMessages, orgMessages, peopleMessages, evaluationMessages, distributionMessages, dashboardMessages, printMessages, helpMessages] as const;

type Part = (typeof parts)[number];
type KeysOf<P> = P extends { id: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Part>;

export const catalogs: Record<Language, Record<MessageKey, string>> = {
  id: Object.assign({}, ...parts.map((p) => p.id)),
  en: Object.assign({}, ...parts.map((p) => p.en)),
};
