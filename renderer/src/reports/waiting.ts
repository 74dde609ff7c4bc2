import { useCommand } from '../api/hooks';

/**
 * What waits for the user (reports.waiting), for the menu counts and the Dialog Kinerja tabs: one
 * query shared by every badge, refreshed every minute and whenever a write touches `reports`.
 */
export function useWaiting() {
  return useCommand('reports.waiting', {}, { refetchInterval: 60_000, staleTime: 30_000 });
}

export const useSkpInboxCount = (): number | null => useWaiting().data?.skpInbox || null;
export const useEvaluationCount = (): number | null => useWaiting().data?.evaluations || null;
export const useAppealCount = (): number | null => useWaiting().data?.appeals || null;
export function useDialogueCount(): number | null {
  const d = useWaiting().data?.dialogues;
  return d ? d.mine + d.team || null : null;
}
