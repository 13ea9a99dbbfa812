/**
 * Scenario import in practice mode's library (src/play.ts, src/ui/scenario-chooser.ts,
 * src/ui/scenario-import.ts): a refused file lists its problems inline with their paths; a
 * valid file joins the library as an imported card, is kept across reloads, plays like a bundled
 * scenario, exports unchanged and can be removed; ids stay unique; saved data that no longer
 * checks is set aside and reported; and hostile text stays text. The incident is a stand-in.
 */
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import type { IncidentOptions } from '../../src/incident.ts';
import { openPractice } from '../../src/play.ts';
import { IMPORTS_KEY, MAX_SCENARIO_BYTES } from '../../src/scenario-imports.ts';

const incidents: IncidentOptions[] = [];

vi.mock('../../src/incident.ts', () => ({
  startIncident: (root: HTMLElement, options: IncidentOptions) => {
    incidents.push(options);
    root.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'incident' }));
    return () => root.replaceChildren();
  },
}));

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const DRILL = fixture('checkout-drill.yaml');
const DRILL_TITLE = 'Checkout drill from the instructor';
const POOL_TITLE = 'Every database route is timing out';

let root: HTMLElement;
let close: () => void = () => {};

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  localStorage.clear();
  incidents.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  close();
  root.remove();
  localStorage.clear();
  vi.restoreAllMocks();
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

/** Opens practice mode and waits for the bundled cards. */
async function open(): Promise<void> {
  close = openPractice(root, { onExit: () => {} });
  await vi.waitFor(() => getByRole(root, 'button', { name: POOL_TITLE }), { timeout: 10_000 });
}

const fileInput = (): HTMLInputElement => {
  const input = root.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  return input;
};

/** Chooses a file in the Import control's picker. */
function choose(file: File): void {
  const input = fileInput();
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const yamlFile = (name: string, text: string): File => new File([text], name);

const problemsPanel = (): Promise<HTMLElement> =>
  vi.waitFor(() => getByRole(root, 'alert'), { timeout: 10_000 });

const problemRows = (panel: HTMLElement): { path: string; message: string }[] =>
  within(panel)
    .getAllByRole('listitem')
    .map((li) => ({
      path: li.querySelector('code')?.textContent ?? '',
      message: li.querySelector('.import-message')?.textContent ?? '',
    }));

const importedCard = (title: string): Promise<HTMLElement> =>
  vi.waitFor(() => getByRole(root, 'button', { name: title }), { timeout: 10_000 });

/** Imports the checkout drill and waits for its card. */
async function importDrill(name = 'checkout-drill.yaml', text = DRILL): Promise<HTMLElement> {
  choose(yamlFile(name, text));
  return importedCard(DRILL_TITLE);
}

const saved = (): { id: string; fileName: string; text: string }[] =>
  (
    JSON.parse(localStorage.getItem(IMPORTS_KEY) ?? '{"scenarios":[]}') as {
      scenarios: { id: string; fileName: string; text: string }[];
    }
  ).scenarios;

describe('import errors', () => {
  it('shows a YAML syntax error with the file name and its line, focused and dismissible', async () => {
    await open();
    choose(yamlFile('broken.yaml', fixture('broken-yaml.txt')));
    const panel = await problemsPanel();
    expect(panel.textContent).toContain(t('import.problems.title', { file: 'broken.yaml' }));
    const [row, ...rest] = problemRows(panel);
    expect(rest).toEqual([]);
    expect(row!.path).toBe(t('import.problems.file'));
    expect(row!.message).toMatch(/^YAML syntax error at line 7, column 1: /);
    expect(document.activeElement).toBe(panel);
    expect(saved()).toEqual([]);

    fireEvent.click(within(panel).getByRole('button', { name: t('import.dismiss') }));
    expect(queryByRole(root, 'alert')).toBeNull();
    expect(document.activeElement).toBe(fileInput());
  });

  it('lists schema errors with their paths in code, and their messages', async () => {
    await open();
    choose(yamlFile('schema-error.yaml', fixture('schema-error.yaml')));
    const panel = await problemsPanel();
    expect(panel.textContent).toContain('schema-error.yaml');
    expect(panel.textContent).toContain(t('import.problems.count.other', { count: 2 }));
    expect(problemRows(panel)).toEqual([
      { path: 'answerKey.solution', message: 'missing field (expected a array)' },
      { path: 'author', message: 'unknown field' },
    ]);
    expect(panel.querySelector('code')?.className).toBe('import-path');
  });

  it('refuses a file that is not YAML or JSON without reading it', async () => {
    await open();
    const file = yamlFile('notes.txt', DRILL);
    const read = vi.spyOn(file, 'text');
    choose(file);
    const panel = await problemsPanel();
    expect(panel.textContent).toContain('notes.txt');
    expect(problemRows(panel).map((r) => r.message)).toEqual([t('import.refused.fileType')]);
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a file over the size limit without reading it', async () => {
    await open();
    const file = yamlFile('huge.yaml', 'x');
    Object.defineProperty(file, 'size', { value: MAX_SCENARIO_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    choose(file);
    const panel = await problemsPanel();
    expect(problemRows(panel).map((r) => r.message)).toEqual([
      t('import.refused.tooLarge', { size: 512 }),
    ]);
    expect(read).not.toHaveBeenCalled();
  });

  it("refuses a bundled scenario's id", async () => {
    await open();
    choose(yamlFile('mine.yaml', DRILL.replace('id: checkout-drill', 'id: pool-exhaustion-leak')));
    const panel = await problemsPanel();
    expect(problemRows(panel)).toEqual([
      { path: 'id', message: t('import.refused.bundledId', { id: 'pool-exhaustion-leak' }) },
    ]);
    expect(saved()).toEqual([]);
  });

  it('lists the first 50 problems of a file with hundreds', async () => {
    await open();
    const extra = Array.from({ length: 120 }, (_, i) => `extra${i}: 1`).join('\n');
    choose(yamlFile('many.yaml', `${DRILL}\n${extra}\n`));
    const panel = await problemsPanel();
    const rows = within(panel).getAllByRole('listitem');
    expect(rows).toHaveLength(51);
    expect(rows[50]!.textContent).toBe(t('import.problems.more', { count: 70 }));
  });
});

describe('a valid import', () => {
  it('joins the library marked Imported, is saved, and says so', async () => {
    await open();
    const card = await importDrill();
    expect(card.textContent).toContain(t('import.badge'));
    expect(card.closest('li')?.textContent).toContain('checkout-drill.yaml');
    expect(root.textContent).toContain(
      t('import.imported', { title: DRILL_TITLE, file: 'checkout-drill.yaml' }),
    );
    expect(document.activeElement).toBe(card);
    expect(saved()).toEqual([
      expect.objectContaining({
        id: 'checkout-drill',
        fileName: 'checkout-drill.yaml',
        text: DRILL,
      }),
    ]);
    // Bundled cards have no import controls.
    const pool = getByRole(root, 'button', { name: POOL_TITLE });
    expect(pool.textContent).not.toContain(t('import.badge'));
    expect(
      within(pool.closest('li')!).queryByRole('button', { name: t('import.remove') }),
    ).toBeNull();
  });

  it('is still in the library after a reload, and plays like a bundled scenario', async () => {
    await open();
    await importDrill();
    close();
    root.replaceChildren();
    await open();
    const card = await importedCard(DRILL_TITLE);
    fireEvent.click(card);
    await vi.waitFor(() => expect(incidents).toHaveLength(1), { timeout: 10_000 });
    expect(incidents[0]!.scenario.id).toBe('checkout-drill');
    expect(incidents[0]!.seed).toBe(7);
    expect(incidents[0]!.mode).toBe('practice');
  });

  it('takes JSON files', async () => {
    await open();
    choose(yamlFile('json-drill.json', fixture('json-drill.json')));
    await importedCard('A drill written in JSON');
  });

  it('exports exactly the file it imported', async () => {
    let blob: Blob | null = null;
    URL.createObjectURL = (b: Blob) => {
      blob = b;
      return 'blob:scenario';
    };
    URL.revokeObjectURL = () => {};
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    await open();
    const card = await importDrill('My Drill.yml');
    const actions = card.closest('li')!;
    fireEvent.click(within(actions).getByRole('button', { name: t('import.export') }));
    await vi.waitFor(() => expect(names).toEqual(['My Drill.yml']));
    expect(await blob!.text()).toBe(DRILL);
  });

  it('is removed after the player confirms', async () => {
    await open();
    const card = await importDrill();
    const item = card.closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: t('import.remove') }));
    expect(item.textContent).toContain(t('import.remove.ask'));
    // Keep: nothing changes.
    fireEvent.click(within(item).getByRole('button', { name: t('import.remove.cancel') }));
    expect(saved()).toHaveLength(1);
    fireEvent.click(within(item).getByRole('button', { name: t('import.remove') }));
    fireEvent.click(within(item).getByRole('button', { name: t('import.remove.confirm') }));
    await vi.waitFor(() => expect(queryByRole(root, 'button', { name: DRILL_TITLE })).toBeNull());
    expect(saved()).toEqual([]);
    expect(root.textContent).toContain(t('import.removed', { title: DRILL_TITLE }));
    getByRole(root, 'button', { name: POOL_TITLE });
  });

  it('asks before replacing an earlier import with the same id', async () => {
    await open();
    await importDrill('first.yaml');
    const second = DRILL.replace(`title: ${DRILL_TITLE}`, 'title: Checkout drill, take two');
    choose(yamlFile('second.yaml', second));
    const question = await vi.waitFor(() => getByRole(root, 'alert'));
    expect(question.textContent).toContain('first.yaml');
    expect(question.textContent).toContain('second.yaml');
    expect(question.textContent).toContain('checkout-drill');
    const cancel = within(question).getByRole('button', { name: t('import.replace.cancel') });
    await vi.waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    expect(saved().map((s) => s.fileName)).toEqual(['first.yaml']);
    expect(root.textContent).toContain(t('import.replace.cancelled', { file: 'second.yaml' }));

    choose(yamlFile('second.yaml', second));
    const again = await vi.waitFor(() => getByRole(root, 'alert'));
    fireEvent.click(within(again).getByRole('button', { name: t('import.replace.confirm') }));
    await importedCard('Checkout drill, take two');
    expect(queryByRole(root, 'button', { name: DRILL_TITLE })).toBeNull();
    expect(saved().map((s) => s.fileName)).toEqual(['second.yaml']);
    expect(root.textContent).toContain(
      t('import.replaced', { title: 'Checkout drill, take two', file: 'second.yaml' }),
    );
  });

  it('takes a file dropped anywhere on the library, with a hint while it is dragged', async () => {
    await open();
    const screen = root.querySelector<HTMLElement>('.chooser-screen')!;
    const hint = root.querySelector<HTMLElement>('.import-drop-hint')!;
    expect(hint.hidden).toBe(true);
    const drag = (type: string, files: File[] = []): Event => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', {
        value: { types: ['Files'], files, dropEffect: 'none' },
      });
      return event;
    };
    const list = root.querySelector<HTMLElement>('.scenario-list')!;
    list.dispatchEvent(drag('dragenter'));
    expect(hint.hidden).toBe(false);
    expect(hint.textContent).toBe(t('import.drop'));
    expect(screen.classList.contains('is-dropping')).toBe(true);
    const over = drag('dragover');
    list.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    list.dispatchEvent(drag('dragleave'));
    expect(hint.hidden).toBe(true);
    // Dragged text is not a file: no hint.
    const text = new Event('dragenter', { bubbles: true, cancelable: true });
    Object.defineProperty(text, 'dataTransfer', { value: { types: ['text/plain'], files: [] } });
    list.dispatchEvent(text);
    expect(hint.hidden).toBe(true);

    list.dispatchEvent(drag('dragenter'));
    const drop = drag('drop', [yamlFile('checkout-drill.yaml', DRILL)]);
    list.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(hint.hidden).toBe(true);
    await importedCard(DRILL_TITLE);
  });
});

describe('saved imports that cannot be used', () => {
  it('sets a corrupt saved value aside and reports it, and the library still works', async () => {
    localStorage.setItem(IMPORTS_KEY, 'not json at all');
    await open();
    const alert = await vi.waitFor(() => getByRole(root, 'alert'));
    expect(alert.textContent).toContain('not valid JSON');
    expect(alert.textContent).toContain(`${IMPORTS_KEY}.unreadable-`);
    expect(localStorage.getItem(IMPORTS_KEY)).toBeNull();
    const aside = Object.keys(localStorage).find((k) => k.startsWith(`${IMPORTS_KEY}.unreadable-`));
    expect(localStorage.getItem(aside!)).toBe('not json at all');
    await importDrill();
  });

  it('reports a saved scenario that no longer checks, and keeps it aside', async () => {
    localStorage.setItem(
      IMPORTS_KEY,
      JSON.stringify({
        version: 1,
        scenarios: [
          {
            id: 'checkout-drill',
            fileName: 'checkout-drill.yaml',
            text: DRILL.replace('estimatedMinutes: 15', 'estimatedMinutes: soon'),
            importedAt: '2026-11-26T12:00:00.000Z',
          },
        ],
      }),
    );
    await open();
    const alert = await vi.waitFor(() => getByRole(root, 'alert'));
    expect(alert.textContent).toContain('checkout-drill.yaml');
    expect(alert.textContent).toContain('estimatedMinutes');
    expect(queryByRole(root, 'button', { name: DRILL_TITLE })).toBeNull();
    const aside = Object.keys(localStorage).find((k) => k.startsWith(`${IMPORTS_KEY}.set-aside-`));
    expect(alert.textContent).toContain(aside);
    expect(localStorage.getItem(aside!)).toContain('estimatedMinutes: soon');
  });
});

describe('hostile scenario text', () => {
  it('is shown as text and never becomes markup', async () => {
    await open();
    choose(yamlFile('hostile.yaml', fixture('hostile.yaml')));
    const title = 'Hostile <img src=x onerror="window.__pwned=1"> drill';
    const card = await importedCard(title);
    expect(card.textContent).toContain('Teaser <svg onload="window.__pwned=1"></svg> with an SVG');
    expect(card.textContent).toContain('<script>window.__pwned=1</script>');
    expect(root.textContent).toContain(t('import.imported', { title, file: 'hostile.yaml' }));
    expect(root.querySelector('img, script, svg[onload], [onerror], [onload]')).toBeNull();
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('keeps a hostile file name and problems as text', async () => {
    await open();
    choose(yamlFile('<img src=x onerror="window.__pwned=1">.yaml', 'id: [\n'));
    const panel = await problemsPanel();
    expect(panel.textContent).toContain('<img src=x onerror="window.__pwned=1">.yaml');
    expect(panel.querySelector('img')).toBeNull();
  });
});
