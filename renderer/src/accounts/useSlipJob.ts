import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { transport } from '../api/client';
import { downloadWithProgress, type DownloadQuery } from '../api/download';
import { asAppError } from '../app/notify';
import type { AppError } from '../../../shared/errors';

/** The write-download of electron/core/accounts/slips.ts: creates accounts (or a new password) and downloads their slips. */
export const slipDownloadName = 'akun-slip.pdf';

export type SlipRequest =
  | { mode: 'create'; employeeId: string; username?: string | null; isPengelola?: boolean }
  | { mode: 'reset'; userId: string }
  | { mode: 'missing'; employeeIds?: string[] };

/**
 * Runs one slip request as a job (progress while the passwords are prepared), saves the PDF, and
 * refreshes every account and people list. Resolves true when the slip was downloaded; keeps the
 * error for the dialog otherwise. The passwords exist only in that PDF.
 */
export function useSlipJob() {
  const client = useQueryClient();
  const [state, setState] = useState<{ busy: boolean; percent: number | null; error: AppError | null }>({ busy: false, percent: null, error: null });
  const run = async (request: SlipRequest): Promise<boolean> => {
    setState({ busy: true, percent: null, error: null });
    const query: DownloadQuery = {
      ...request,
      isPengelola: 'isPengelola' in request && request.isPengelola ? '1' : undefined,
      // Printed on the slip: where this office reaches Kinerja in the browser.
      address: transport === 'http' ? window.location.origin : undefined,
    };
    try {
      await downloadWithProgress(slipDownloadName, query, (p) => setState((s) => ({ ...s, percent: p.percent })), 500);
      setState({ busy: false, percent: null, error: null });
      return true;
    } catch (err) {
      setState({ busy: false, percent: null, error: asAppError(err) });
      return false;
    } finally {
      await client.invalidateQueries({ predicate: (q) => /^(accounts|people|auth)\./.test(String(q.queryKey[0])) });
    }
  };
  return { ...state, run, clearError: () => setState((s) => ({ ...s, error: null })) };
}
