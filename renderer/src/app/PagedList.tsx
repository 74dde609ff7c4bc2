import { Group, Pagination, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A long list drawn one page at a time (docs/spec/operations.md §8: Jabatan and other long lists): a city's
 * office has hundreds of positions, and drawing them all makes the page slow and the list hard to
 * scan. `children` draws the rows of the current page; the pager and "Menampilkan 1–50 dari 312"
 * follow when there is more than one page. Give it a `key` that changes with the filters, so a new
 * search starts on page 1.
 */
export function PagedList<T>({ items, pageSize = 50, label, children }: { items: T[]; pageSize?: number; label: string; children: (shown: T[]) => ReactNode }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * pageSize, current * pageSize);
  return (
    <>
      {children(shown)}
      {pages > 1 && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" data-testid="paged-shown">
            {t('app.paged.shown', { from: (current - 1) * pageSize + 1, to: (current - 1) * pageSize + shown.length, total: items.length })}
          </Text>
          <Pagination total={pages} value={current} onChange={setPage} aria-label={label} />
        </Group>
      )}
    </>
  );
}
