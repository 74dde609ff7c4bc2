import { Anchor, Button, Loader, Text, type AnchorProps, type ButtonProps } from '@mantine/core';
import { useCallback, useRef, useState, type ComponentPropsWithoutRef, type MouseEvent, type ReactNode } from 'react';
import { transport } from '../api/client';
import { downloadFile, downloadHref, downloadWithProgress, type DownloadQuery } from '../api/download';
import { useI18n } from '../i18n/I18nProvider';
import { notifyError } from './notify';

/**
 * Download links and buttons for every screen, on both transports (renderer/src/api/download.ts):
 * the link keeps its `api/files/...` address, but a click downloads through the helper, so the
 * desktop app (no HTTP server) gets the file too, the user sees that it is coming, and a refusal
 * is a notification in the user's language instead of a page of JSON.
 */
export interface DownloadState {
  busy: boolean;
  /** Percent when known (HTTP with a length, a batch job); null while only busy. */
  percent: number | null;
  start(): Promise<void>;
}

/** One download's state; `job` runs it with progress (the evaluation batch). */
export function useDownload(name: string, query: DownloadQuery = {}, options: { job?: boolean } = {}): DownloadState {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; percent: number | null }>({ busy: false, percent: null });
  const running = useRef(false);
  const key = JSON.stringify(query);
  const start = useCallback(async () => {
    // A second click while the first download runs would only fetch the same bytes again.
    if (running.current) return;
    running.current = true;
    setState({ busy: true, percent: null });
    const onProgress = (p: { percent: number | null }) => setState({ busy: true, percent: p.percent });
    const q = JSON.parse(key) as DownloadQuery;
    try {
      await (options.job ? downloadWithProgress(name, q, onProgress) : downloadFile(name, q, onProgress));
    } catch (err) {
      notifyError(err, t);
    } finally {
      running.current = false;
      setState({ busy: false, percent: null });
    }
  }, [name, key, options.job, t]);
  return { ...state, start };
}

function clickHandler(start: () => Promise<void>) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    // In the browser a modified click (new tab, new window) keeps the link's own behaviour.
    if (transport === 'http' && (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)) return;
    e.preventDefault();
    void start();
  };
}

function BusyLabel({ percent }: { percent: number | null }) {
  const { t } = useI18n();
  return <>{percent === null ? t('download.busy') : t('download.percent', { percent })}</>;
}

type DownloadProps = { name: string; query?: DownloadQuery; job?: boolean; children: ReactNode };

/** A button-looking download link ("Unduh PDF"): spinner and progress while the file comes. */
export function DownloadButton({ name, query, job, children, leftSection, ...rest }: DownloadProps & Omit<ButtonProps, 'children'> & Omit<ComponentPropsWithoutRef<'a'>, keyof ButtonProps | 'href' | 'onClick' | 'download'>) {
  const d = useDownload(name, query, { job });
  return (
    <Button
      component="a"
      href={downloadHref(name, query)}
      download={transport === 'http' ? true : undefined}
      onClick={clickHandler(d.start)}
      aria-busy={d.busy || undefined}
      leftSection={d.busy ? <Loader size={14} /> : leftSection}
      {...rest}
    >
      {d.busy ? <BusyLabel percent={d.percent} /> : children}
    </Button>
  );
}

/** An inline download link (an evidence file): the text stays, a small progress note follows it. */
export function DownloadLink({
  name,
  query,
  job,
  children,
  fileName,
  ...rest
}: DownloadProps & { fileName?: string | null } & AnchorProps & Omit<ComponentPropsWithoutRef<'a'>, keyof AnchorProps | 'href' | 'onClick' | 'download'>) {
  const d = useDownload(name, query, { job });
  return (
    <>
      <Anchor href={downloadHref(name, query)} download={transport === 'http' ? (fileName ?? true) : undefined} onClick={clickHandler(d.start)} aria-busy={d.busy || undefined} {...rest}>
        {children}
      </Anchor>
      {d.busy && (
        <Text span size="xs" c="dimmed" ml={6} role="status">
          <Loader size={10} mr={4} />
          <BusyLabel percent={d.percent} />
        </Text>
      )}
    </>
  );
}
