/**
 * Arrow keys in the map's toolbar follow the cards on screen: Up and Down go to the card above
 * or below (the nearest column when that cell is empty), Left and Right along the row and on
 * to the next row, Home and End to the first and last card in reading order. Pure.
 */
import { COMPONENT_IDS } from '../store/index.ts';
import type { ComponentId } from '../store/index.ts';
import { gridCell } from './topology-layout.ts';
import type { LayoutKind } from './topology-layout.ts';

/** Cards left to right, top to bottom. */
export function readingOrder(kind: LayoutKind): ComponentId[] {
  return [...COMPONENT_IDS].sort((a, b) => {
    const [ac, ar] = gridCell(kind, a);
    const [bc, br] = gridCell(kind, b);
    return ar - br || ac - bc;
  });
}

/** Where `key` moves the keyboard from card `from` (null: nothing focused yet); null: not a move. */
export function moveInGrid(
  kind: LayoutKind,
  from: ComponentId | null,
  key: string,
): ComponentId | null {
  const order = readingOrder(kind);
  const first = order[0]!;
  const last = order[order.length - 1]!;
  if (key === 'Home') return first;
  if (key === 'End') return last;
  if (from === null) return key.startsWith('Arrow') ? first : null;
  const at = order.indexOf(from);
  if (key === 'ArrowRight') return order[(at + 1) % order.length]!;
  if (key === 'ArrowLeft') return order[(at - 1 + order.length) % order.length]!;
  if (key === 'ArrowDown' || key === 'ArrowUp')
    return vertical(kind, from, key === 'ArrowDown' ? 1 : -1);
  return null;
}

/** The card in the nearest row above or below, closest by column; the same card at the edge. */
function vertical(kind: LayoutKind, from: ComponentId, step: 1 | -1): ComponentId {
  const [col, row] = gridCell(kind, from);
  let best: ComponentId | null = null;
  let bestRow = Infinity;
  let bestCol = Infinity;
  for (const id of COMPONENT_IDS) {
    const [c, r] = gridCell(kind, id);
    const rows = (r - row) * step;
    if (rows <= 0) continue;
    const cols = Math.abs(c - col);
    if (
      rows < bestRow ||
      (rows === bestRow &&
        (cols < bestCol || (cols === bestCol && best !== null && c < gridCell(kind, best)[0])))
    ) {
      best = id;
      bestRow = rows;
      bestCol = cols;
    }
  }
  return best ?? from;
}
