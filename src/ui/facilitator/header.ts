/**
 * The console's header: which run (title, mode, seed), whether this window is in step with the
 * player's (in words, not only colour), the clock with the interview countdown, how the run
 * ended, and the controls that belong to the whole run: pause or resume, open the projector
 * view, exit.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setData, setDisabled, setHidden, setText } from './dom-sync.ts';
import type { FacilitatorView } from './model.ts';
import type { Panel, PanelContext } from './panel.ts';
import { formatCountdown, linkName, modeName, outcomeName } from './words.ts';

export interface HeaderOptions {
  onExit(): void;
}

export function buildHeader(ctx: PanelContext, options: HeaderOptions): Panel<FacilitatorView> {
  const { labels, commands } = ctx;
  let paused = false;

  const title = h('h1', { className: 'fac-title' });
  const meta = h('p', { className: 'fac-meta' });
  const linkText = h('span', { className: 'fac-link-text' });
  const link = labels.attr(
    h('p', { className: 'fac-link', attrs: { role: 'status', 'data-link': 'waiting' } }, [
      h('span', { className: 'fac-link-dot', attrs: { 'aria-hidden': 'true' } }),
      linkText,
    ]),
    'aria-label',
    () => t('facilitator.link.label'),
  );
  const utc = h('span', { className: 'fac-clock-utc' });
  const elapsed = h('span', { className: 'fac-clock-elapsed' });
  const remaining = labels.attr(
    h('span', { className: 'fac-clock-remaining', attrs: { 'data-remaining': '' } }),
    'title',
    () => t('facilitator.clock.remainingLabel'),
  );
  remaining.hidden = true;
  const clock = labels.attr(
    h('p', { className: 'fac-clock', attrs: { role: 'group' } }, [utc, elapsed, remaining]),
    'aria-label',
    () => t('facilitator.clock.label'),
  );
  const ended = h('p', { className: 'fac-ended', attrs: { role: 'status' } });
  ended.hidden = true;

  const pauseButton = h('button', {
    className: 'fac-button fac-pause',
    attrs: { type: 'button', 'data-command': 'pause' },
  });
  pauseButton.addEventListener('click', () => (paused ? commands.resume() : commands.pause()));
  const projector = labels.text(
    h('button', {
      className: 'fac-button',
      attrs: { type: 'button', 'data-command': 'openProjector' },
    }),
    () => t('facilitator.openProjector'),
  );
  projector.addEventListener('click', () => commands.openProjector());
  // After the end: the class postmortem, built from this window's copy of the run.
  const postmortem = labels.text(
    h('button', {
      className: 'fac-button fac-postmortem',
      attrs: { type: 'button', 'data-command': 'openPostmortem' },
    }),
    () => t('facilitator.openPostmortem'),
  );
  postmortem.addEventListener('click', () => commands.openPostmortem?.());
  postmortem.hidden = true;
  const exit = labels.text(
    h('button', { className: 'fac-button fac-exit', attrs: { type: 'button' } }),
    () => t('facilitator.exit'),
  );
  exit.addEventListener('click', () => options.onExit());

  const element = h('header', { className: 'fac-header' }, [
    h('div', { className: 'fac-brand' }, [
      labels.text(h('p', { className: 'fac-eyebrow' }), () => t('facilitator.eyebrow')),
      title,
      meta,
    ]),
    link,
    clock,
    ended,
    h('div', { className: 'fac-header-actions' }, [pauseButton, postmortem, projector, exit]),
  ]);

  return {
    element,
    update(view) {
      setText(title, view.title);
      setText(meta, t('facilitator.meta', { mode: modeName(view.mode), seed: view.seed }));
      setData(link, 'link', view.link);
      setText(linkText, linkName(view.link));
      setText(utc, t('incident.clock.utc', { clock: view.clock.utc }));
      setText(elapsed, ctx.formatTime(view.clock.elapsedMs));
      setHidden(remaining, view.clock.remainingMs === null);
      if (view.clock.remainingMs !== null)
        setText(
          remaining,
          t('facilitator.clock.remaining', { time: formatCountdown(view.clock.remainingMs) }),
        );
      setHidden(ended, view.ended === null);
      setHidden(postmortem, view.ended === null || commands.openPostmortem === undefined);
      if (view.ended !== null)
        setText(ended, t('facilitator.ended', { outcome: outcomeName(view.ended.outcome) }));
      paused = view.clock.speed === 0;
      setText(pauseButton, paused ? t('facilitator.resume') : t('facilitator.pause'));
      setData(pauseButton, 'command', paused ? 'resume' : 'pause');
      setDisabled(pauseButton, view.ended !== null || view.link !== 'inSync');
    },
  };
}
