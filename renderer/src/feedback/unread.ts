import { useCommand } from '../api/hooks';

/** Unread feedback for the navigation badge: refreshed every minute and whenever feedback changes. */
export function useUnreadFeedbackCount(): number | null {
  const query = useCommand('feedback.unread', {}, { refetchInterval: 60_000, staleTime: 30_000 });
  return query.data?.total || null;
}
