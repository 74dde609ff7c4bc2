import { Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** An empty list says what to do next, never just "no data". */
export function EmptyState({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="lg" c="dimmed" data-testid="empty-state">
      <IconInbox size={32} stroke={1.5} aria-hidden />
      <Text size="sm" ta="center" maw={420}>
        {message}
      </Text>
      {action}
    </Stack>
  );
}
