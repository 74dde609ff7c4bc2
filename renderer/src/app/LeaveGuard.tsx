import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';

/**
 * While a form has unsaved input: every navigation inside the app (menu, links, buttons that call
 * navigate) stops at a question first, and so does closing or reloading the tab (the browser asks)
 * or the desktop window (the renderer refuses the unload; main asks on will-prevent-unload,
 * electron/main/unsaved-changes.ts). Changing only the query (year, period) is not leaving.
 *
 * `onSave`, when given, adds "Simpan lalu pergi": it resolves true when saved.
 */
export function LeaveGuard({ when, message, onSave }: { when: boolean; message?: string; onSave?: () => Promise<boolean> }) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!when) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium (and Electron) look at returnValue rather than preventDefault.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [when]);
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal opened onClose={() => blocker.reset()} title={t('guard.title')} data-testid="leave-guard">
      <Stack>
        <Text size="sm">{message ?? t('guard.message')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset()} data-autofocus>
            {t('guard.stay')}
          </Button>
          <Button variant="light" color="red" onClick={() => blocker.proceed()}>
            {t('guard.leave')}
          </Button>
          {onSave && (
            <Button
              loading={saving}
              onClick={async () => {
                setSaving(true);
                const ok = await onSave();
                setSaving(false);
                if (ok) blocker.proceed();
                else blocker.reset();
              }}
            >
              {t('guard.saveAndLeave')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
