import './ui/styles.css';
import { detectLocale, setLocale } from './i18n/index.ts';
import type { LiveFeed } from './ui/title-screen.ts';
import { mountTitleScreen } from './ui/title-screen.ts';

const root = document.getElementById('app');
if (!root) throw new Error('On-Call Drill: the #app element is missing from index.html');

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

mountTitleScreen(root, { live });
