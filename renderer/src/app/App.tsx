import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { useI18n } from '../i18n/I18nProvider';
import { SetupPage } from '../setup/SetupPage';
import { asAppError } from './notify';
import { AppLayout } from './AppLayout';

/** Chooses the screen from the auth state: first-run setup, login, forced password change, or the app. */
export function App() {
  const { t } = useI18n();
  const { state, refresh } = useAuth();
  switch (state.status) {
    case 'loading':
      return (
        <Center mih="100vh">
          <Loader aria-label={t('app.loading')} />
        </Center>
      );
    case 'unreachable':
      return (
        <Center mih="100vh" p="md">
          <Alert color="red" title={t('error.INTERNAL')} maw={480} role="alert">
            <Stack align="flex-start">
              {asAppError(state.error).message}
              <Button onClick={() => void refresh()}>{t('app.retry')}</Button>
            </Stack>
          </Alert>
        </Center>
      );
    case 'setup':
      return <SetupPage />;
    case 'anonymous':
      return <LoginPage officeName={state.officeName} />;
    case 'authenticated':
      if (state.user.mustChangePassword) return <ChangePasswordPage forced />;
      return <SignedIn />;
  }
}

/**
 * The signed-in app under a data router (hash history, as the desktop loads a file): a data router
 * is what lets a form with unsaved input block a navigation (useBlocker in useLeaveGuard). The
 * pages themselves are still declared in AppLayout's <Routes>.
 */
function SignedIn() {
  const [router] = useState(() => createHashRouter([{ path: '*', element: <AppLayout /> }]));
  return <RouterProvider router={router} />;
}
