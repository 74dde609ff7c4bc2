import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The top of every screen: the page title (the only h1), a short dimmed explanation and the page's
 * main actions on the right (they wrap under the title on narrow windows). One component so the
 * spacing, width and heading level are the same on every page. `badge` (a status) sits beside the
 * title, outside the heading, so the heading's name stays the title alone.
 */
export function PageHeader({ title, badge, description, actions }: { title: ReactNode; badge?: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  const heading = (
    <Title order={1} size="h2">
      {title}
    </Title>
  );
  return (
    <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
        {badge ? (
          <Group gap="sm">
            {heading}
            {badge}
          </Group>
        ) : (
          heading
        )}
        {description && (
          <Text size="sm" c="dimmed" maw={820}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
