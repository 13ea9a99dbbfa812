import './ui/styles.css';
import { detectLocale, setLocale } from './i18n/index.ts';
import { mountTitleScreen } from './ui/title-screen.ts';

const root = document.getElementById('app');
if (!root) throw new Error('On-Call Drill: the #app element is missing from index.html');

setLocale(detectLocale());
mountTitleScreen(root);
