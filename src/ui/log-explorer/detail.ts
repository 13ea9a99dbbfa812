/**
 * The detail view of one log line, opened from the list (click, or Enter on the active row): the
 * whole text wrapped, pretty-printed when it is JSON, with the query's matches highlighted, its
 * labels (UTC time, service, pod, level) and a copy button. It takes its own column beside the
 * list, which narrows and stays usable (below the list when the panel is narrow; see logs.css),
 * so it never covers the messages; Esc or the close button shuts it.
 */
import { t } from '../../i18n/index.ts';
import { matchRanges } from '../../shared/log-query.ts';
import type { LogQuery } from '../../shared/log-query.ts';
import { h } from '../dom.ts';
import { highlighted } from './row.ts';
import type { LogLine } from './types.ts';

export interface LineDetail {
  readonly element: HTMLElement;
  /** The line shown, or null when closed. */
  readonly line: LogLine | null;
  open(line: LogLine, query: LogQuery): void;
  close(): void;
  relabel(): void;
}

/** JSON objects and arrays indented two spaces; anything else as it is. */
export function prettyText(text: string): { text: string; json: boolean } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { text, json: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true };
  } catch {
    return { text, json: false };
  }
}

export function createLineDetail(prefix: string, onClose: () => void): LineDetail {
  const title = h('h3', { className: 'logs-detail-title', id: `${prefix}-detail-title` });
  const copy = h('button', { className: 'logs-detail-button', attrs: { type: 'button' } });
  const close = h('button', { className: 'logs-detail-button', attrs: { type: 'button' } });
  const copied = h('span', { className: 'logs-detail-copied', attrs: { role: 'status' } });
  const labels = h('dl', { className: 'logs-detail-labels' });
  const body = h('pre', { className: 'logs-detail-text', attrs: { tabindex: '0' } });
  const format = h('p', { className: 'logs-detail-format' });
  const element = h(
    'section',
    {
      className: 'logs-detail',
      attrs: { role: 'dialog', 'aria-labelledby': title.id, hidden: '' },
    },
    [
      h('header', { className: 'logs-detail-head' }, [title, copied, copy, close]),
      labels,
      format,
      body,
    ],
  );
  let line: LogLine | null = null;
  let json = false;

  const label = (name: string, value: string): Node[] => [
    h('dt', { text: name }),
    h('dd', { text: value }),
  ];

  const show = (): void => {
    if (!line) return;
    labels.replaceChildren(
      ...label(t('logs.detail.time'), line.utc ?? line.clock),
      ...label(t('logs.detail.service'), line.service),
      ...label(t('logs.detail.pod'), line.source),
      ...label(t('logs.detail.level'), line.level.toUpperCase()),
    );
    format.textContent = json ? t('logs.detail.json') : '';
    format.hidden = !json;
  };

  const relabel = (): void => {
    title.textContent = t('logs.detail.title');
    copy.textContent = t('logs.detail.copy');
    close.textContent = t('logs.detail.close');
    close.setAttribute('aria-keyshortcuts', 'Escape');
    show();
  };

  copy.addEventListener('click', () => {
    if (!line) return;
    const text = line.text;
    const done = (ok: boolean): void => {
      copied.textContent = ok ? t('logs.detail.copied') : t('logs.detail.copyFailed');
    };
    // The clipboard API needs a secure context; without it, say so rather than fail silently.
    if (typeof navigator === 'undefined' || !navigator.clipboard) done(false);
    else
      navigator.clipboard.writeText(text).then(
        () => done(true),
        () => done(false),
      );
  });
  close.addEventListener('click', () => {
    api.close();
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      api.close();
    }
  });

  const api: LineDetail = {
    element,
    get line() {
      return line;
    },
    open(next, query) {
      line = next;
      const pretty = prettyText(next.text);
      // Matches are found in the text shown; a needle that only matched the compact JSON (it
      // spans `","`) would be lost in the indented form, so such lines are shown as written.
      const ranges = matchRanges(query, pretty.text);
      const useRaw = pretty.json && ranges.length === 0 && matchRanges(query, next.text).length > 0;
      const text = useRaw ? next.text : pretty.text;
      json = pretty.json && !useRaw;
      body.replaceChildren(...highlighted(text, useRaw ? matchRanges(query, text) : ranges));
      copied.textContent = '';
      element.hidden = false;
      show();
      body.querySelector('mark')?.scrollIntoView?.({ block: 'nearest' });
      close.focus({ preventScroll: true });
    },
    close() {
      if (line === null) return;
      line = null;
      element.hidden = true;
      onClose();
    },
    relabel,
  };
  relabel();
  return api;
}
