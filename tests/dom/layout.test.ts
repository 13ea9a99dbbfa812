import { fireEvent, getByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { createPanelGroup } from '../../src/ui/layout/panel-frame.ts';
import { createSplit } from '../../src/ui/layout/split.ts';

let root: HTMLElement;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  root.remove();
});

function split(orientation: 'horizontal' | 'vertical', onResize = vi.fn()) {
  const s = createSplit({
    orientation,
    first: document.createElement('div'),
    second: document.createElement('div'),
    initial: 40,
    min: 20,
    max: 70,
    label: 'Resize the panes',
    onResize,
  });
  root.append(s.element);
  return { s, onResize };
}

describe('split', () => {
  it('is a focusable separator with its value, named for screen readers', () => {
    const { s } = split('horizontal');
    const separator = getByRole(root, 'separator', { name: 'Resize the panes' });
    expect(separator).toBe(s.separator);
    expect(separator.tabIndex).toBe(0);
    expect(separator.getAttribute('aria-valuenow')).toBe('40');
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
    expect(s.element.style.getPropertyValue('--split')).toBe('40%');
  });

  it('moves with the arrow keys of its orientation, Shift for bigger steps, within its limits', () => {
    const { s, onResize } = split('horizontal');
    fireEvent.keyDown(s.separator, { key: 'ArrowRight' });
    expect(s.share()).toBe(42);
    fireEvent.keyDown(s.separator, { key: 'ArrowLeft', shiftKey: true });
    expect(s.share()).toBe(32);
    // Up and down do nothing to a side-by-side split.
    fireEvent.keyDown(s.separator, { key: 'ArrowUp' });
    expect(s.share()).toBe(32);
    fireEvent.keyDown(s.separator, { key: 'End' });
    expect(s.share()).toBe(70);
    fireEvent.keyDown(s.separator, { key: 'ArrowRight' });
    expect(s.share()).toBe(70);
    fireEvent.keyDown(s.separator, { key: 'Home' });
    expect(s.share()).toBe(20);
    fireEvent.keyDown(s.separator, { key: 'Enter' });
    expect(s.share()).toBe(40);
    expect(s.separator.getAttribute('aria-valuenow')).toBe('40');
    expect(onResize).toHaveBeenLastCalledWith(40);
  });

  it('stacked splits move with up and down', () => {
    const { s } = split('vertical');
    expect(s.separator.getAttribute('aria-orientation')).toBe('horizontal');
    fireEvent.keyDown(s.separator, { key: 'ArrowDown' });
    expect(s.share()).toBe(42);
    fireEvent.keyDown(s.separator, { key: 'ArrowRight' });
    expect(s.share()).toBe(42);
  });

  it('follows a pointer drag as a share of its size, clamped', () => {
    const { s } = split('horizontal');
    vi.spyOn(s.element, 'getBoundingClientRect').mockReturnValue({
      left: 100,
      top: 0,
      width: 1000,
      height: 500,
      right: 1100,
      bottom: 500,
      x: 100,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.pointerDown(s.separator, { button: 0, pointerId: 1 });
    expect(s.element.classList.contains('is-resizing')).toBe(true);
    fireEvent.pointerMove(s.separator, { clientX: 650, pointerId: 1 });
    expect(s.share()).toBe(55);
    fireEvent.pointerMove(s.separator, { clientX: 1090, pointerId: 1 });
    expect(s.share()).toBe(70);
    fireEvent.pointerUp(s.separator, { pointerId: 1 });
    expect(s.element.classList.contains('is-resizing')).toBe(false);
    fireEvent.pointerMove(s.separator, { clientX: 300, pointerId: 1 });
    expect(s.share()).toBe(70);
    fireEvent.dblClick(s.separator);
    expect(s.share()).toBe(40);
  });
});

describe('panel group', () => {
  function group() {
    const workspace = document.createElement('div');
    root.append(workspace);
    const onChange = vi.fn();
    const panels = createPanelGroup(workspace, 'test', onChange);
    const map = panels.frame('map', 'System map');
    const logs = panels.frame('logs', 'Logs');
    workspace.append(map.element, logs.element);
    return { workspace, panels, map, logs, onChange };
  }

  it('titles each panel as a labelled region with a maximise toggle', () => {
    const { map } = group();
    expect(getByRole(root, 'region', { name: 'System map' })).toBe(map.element);
    const button = getByRole(map.element, 'button', { name: 'Maximise System map' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('maximises one panel at a time and restores it with the button or Esc', () => {
    const { workspace, panels, map, logs, onChange } = group();
    fireEvent.click(getByRole(map.element, 'button', { name: 'Maximise System map' }));
    expect(map.maximised).toBe(true);
    expect(map.element.classList.contains('is-maximised')).toBe(true);
    expect(workspace.dataset['maximised']).toBe('true');
    expect(panels.current()).toBe(map);
    expect(onChange).toHaveBeenLastCalledWith(map);
    const restore = getByRole(map.element, 'button', { name: 'Restore System map' });
    expect(restore.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(getByRole(logs.element, 'button', { name: 'Maximise Logs' }));
    expect(map.maximised).toBe(false);
    expect(logs.maximised).toBe(true);

    fireEvent.keyDown(logs.body, { key: 'Escape' });
    expect(logs.maximised).toBe(false);
    expect(workspace.dataset['maximised']).toBeUndefined();
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(document.activeElement).toBe(
      getByRole(logs.element, 'button', { name: 'Maximise Logs' }),
    );
  });

  it('leaves Esc to a panel that handled it (a dialog inside, a console interrupt)', () => {
    const { map } = group();
    fireEvent.click(getByRole(map.element, 'button', { name: 'Maximise System map' }));
    map.body.addEventListener('keydown', (e) => e.preventDefault());
    fireEvent.keyDown(map.body, { key: 'Escape' });
    expect(map.maximised).toBe(true);
  });
});

describe('Esc in the console and a maximised panel', () => {
  it('the first Esc stays in the console; a second restores the panel', async () => {
    const { mountConsolePanel } = await import('../../src/ui/console-panel.ts');
    const workspace = document.createElement('div');
    root.append(workspace);
    const panels = createPanelGroup(workspace, 'esc');
    const tools = panels.frame('workbench', 'Tools');
    workspace.append(tools.element);
    const consolePanel = mountConsolePanel(tools.body, {
      run: () => ({ echo: '', out: '', exit: 0, notes: [], clear: false, prompt: '$ ' }),
      complete: () => ({ start: 0, candidates: [], replacement: '' }),
      interrupt: () => '$ ',
      prompt: () => '$ ',
      history: () => [],
    });
    fireEvent.click(getByRole(tools.element, 'button', { name: 'Maximise Tools' }));
    const input = getByRole(tools.element, 'textbox');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(tools.maximised).toBe(true);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(tools.maximised).toBe(false);
    consolePanel.destroy();
  });
});
