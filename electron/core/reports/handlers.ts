import type { HandlerMap } from '../context';
import { myYear } from './my-year';
import { officeDashboard } from './office-dashboard';
import { reminders } from './reminders';
import { teamReport } from './team';

/** The reports capability: each report in its own file, its reads in queries.ts. */
export const reportsHandlers: HandlerMap<'reports.officeDashboard' | 'reports.team' | 'reports.myYear' | 'reports.reminders'> = {
  'reports.officeDashboard': officeDashboard,
  'reports.team': teamReport,
  'reports.myYear': myYear,
  'reports.reminders': reminders,
};
