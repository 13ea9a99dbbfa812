/**
 * The system map arrives after the incident screen: its Phaser chunk is the largest of the game,
 * so it loads once the screen is up and the game plays without it meanwhile. A composition-root
 * module (the only place that imports the scenes layer).
 */
import { onLocaleChange, translateRef } from './i18n/index.ts';
import type { IncidentStore } from './store/index.ts';

/**
 * Loads and mounts the map into `host`; `onFail` hears a load or boot failure. Returns a function
 * that takes the map down, safe to call before it has arrived.
 */
export function mountMapLater(
  host: HTMLElement,
  store: IncidentStore,
  onFail: (error: unknown) => void,
): () => void {
  let disposed = false;
  let unmount: () => void = () => {};
  import('./scenes/topology.ts')
    .then(({ mountTopology }) =>
      mountTopology(host, store, {
        translate: (key, params) => translateRef(params ? { key, params } : { key }),
      }),
    )
    .then(
      (map) => {
        if (disposed) {
          map.destroy();
          return;
        }
        const stopRelabel = onLocaleChange(() => map.relabel());
        unmount = () => {
          stopRelabel();
          map.destroy();
        };
      },
      (error: unknown) => {
        if (!disposed) onFail(error);
      },
    );
  return () => {
    disposed = true;
    unmount();
  };
}
