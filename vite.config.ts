import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * index.html carries the production Content-Security-Policy. The dev server needs two
 * allowances on top of it, and only while serving: a WebSocket back to itself for hot reload, and
 * inline <style> elements, which is how Vite injects imported CSS during development.
 */
function devServerCsp(): Plugin {
  return {
    name: 'on-call-drill:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/content="default-src[^"]*"/, (policy) =>
        policy
          .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
          .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*"),
      );
    },
  };
}

/**
 * The production build takes Phaser's core entry (Graphics, Image, Text, input, scale, both
 * renderers) instead of the whole framework: the map uses nothing else, and it is 42% smaller
 * (about 205 KB gzip instead of 352). The flags are the ones Phaser's own webpack build defines.
 * Development and tests keep the standard package.
 */
const phaserCore = {
  alias: [
    {
      find: /^phaser$/,
      replacement: fileURLToPath(
        new URL('./node_modules/phaser/src/phaser-core.js', import.meta.url),
      ),
    },
  ],
  define: {
    'typeof CANVAS_RENDERER': 'true',
    'typeof WEBGL_RENDERER': 'true',
    'typeof WEBGL_DEBUG': 'false',
    'typeof EXPERIMENTAL': 'false',
    'typeof FEATURE_SOUND': 'false',
    'typeof PLUGIN_FBINSTANT': 'false',
    // phaser-core.js ends with `global.Phaser = Phaser`.
    global: 'globalThis',
  },
};

export default defineConfig(({ command }) => ({
  base: './',
  plugins: [devServerCsp()],
  resolve: command === 'build' ? { alias: phaserCore.alias } : {},
  define: {
    // The build's version, shown in the footer (without bundling package.json).
    __APP_VERSION__: JSON.stringify(pkg.version),
    ...(command === 'build' ? phaserCore.define : {}),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Phaser's core is one 800 kB module, loaded lazily after the incident screen is up.
    chunkSizeWarningLimit: 1000,
  },
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/dom/**', 'tests/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.ts'],
          environment: 'happy-dom',
          // Vitest would otherwise inline and transform Phaser's 8.8 MB bundle for every file.
          server: { deps: { external: [/node_modules\/phaser/] } },
        },
      },
    ],
  },
}));
