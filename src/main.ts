import './ui/styles.css';
import { detectLocale, setLocale } from './i18n/index.ts';
import { followerOfUrl } from './link/windows.ts';
import type { LiveFeed, ModeId } from './ui/title-screen.ts';
import { mountTitleScreen } from './ui/title-screen.ts';

const app = document.getElementById('app');
if (!app) throw new Error('On-Call Drill: the #app element is missing from index.html');
const root: HTMLElement = app;

setLocale(detectLocale());

// The first screen paints before the simulation is even downloaded; the live card fills in
// when its chunk arrives.
const live: LiveFeed = (listener) => {
  let stop: (() => void) | null = null;
  let stopped = false;
  void import('./live-preview.ts').then(({ startLivePreview }) => {
    if (!stopped) stop = startLivePreview()(listener);
  });
  return () => {
    stopped = true;
    stop?.();
  };
};

/** Whatever screen is showing; each screen returns how to take it down. */
let leave: () => void = () => {};

function showTitle(returning = false): void {
  leave();
  leave = mountTitleScreen(root, { live, onStart, focusStart: returning });
}

/** Set while practice mode's chunk loads, so a double click on Start opens it once. */
let opening = false;

// The modes (chooser, session, scenarios) are their own chunk: the title screen stays light.
function onStart(mode: ModeId): void {
  if (opening) return;
  opening = true;
  void import('./play.ts')
    .then(({ openPractice }) => {
      leave();
      leave = openPractice(root, { mode, onExit: () => showTitle(true) });
    })
    .finally(() => (opening = false));
}

// A window opened to follow a run (`?facilitator=<run>`, `?projector=<run>`) shows only that.
const follower = followerOfUrl(location.search);
if (follower) {
  document.body.dataset['window'] = follower.kind;
  void import('./facilitator.ts').then(({ openFollower }) => {
    leave = openFollower(root, { ...follower, onExit: () => window.close() });
  });
} else {
  showTitle();
}
