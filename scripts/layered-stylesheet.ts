/**
 * A Vite plugin for libraries that ship CSS: next to the emitted stylesheet, a copy with every rule inside one
 * cascade layer, for apps that order their own CSS in layers and want the library's rules below theirs.
 */
import type { Plugin } from 'vite';

export interface LayeredStylesheetOptions {
  /** The stylesheet the build emits, e.g. `styles.css`. */
  readonly from: string;
  /** The layered copy, e.g. `styles.layer.css`. */
  readonly to: string;
  /** The cascade layer's name. */
  readonly layer: string;
}

/** The whole stylesheet inside `@layer name { … }`: `@media`, `@keyframes` and `@supports` may all sit in a layer. */
export function wrapInLayer(css: string, layer: string): string {
  return `@layer ${layer} {\n${css.trim()}\n}\n`;
}

export function layeredStylesheet({ from, to, layer }: LayeredStylesheetOptions): Plugin {
  return {
    name: 'layered-stylesheet',
    // After Vite's own CSS plugin has put the stylesheet in the bundle.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const stylesheet = bundle[from];
      if (stylesheet?.type !== 'asset') {
        this.error(`layered-stylesheet: the build emitted no ${from}`);
      }
      const source = typeof stylesheet.source === 'string' ? stylesheet.source : new TextDecoder().decode(stylesheet.source);
      this.emitFile({ type: 'asset', fileName: to, source: wrapInLayer(source, layer) });
    },
  };
}
