/**
 * The one rollup configuration, used by `rollup.config.mjs` (npm run build), the packager
 * (npm run package, with --content and --out) and the preview server (watch mode).
 */
import path from 'node:path';
import type { RollupOptions } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { coursePlugin, type CoursePluginOptions } from './rollup-plugin.ts';
import { minifyCssPlugin } from './rollup-minify-css.ts';
import { minifyHtmlPlugin } from './rollup-minify-html.ts';

export interface BuildOptions extends CoursePluginOptions {
  outDir: string;
  minify?: boolean;
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function courseBuildConfig(opts: BuildOptions): RollupOptions {
  return {
    input: path.join(ROOT, 'src/main.ts'),
    output: {
      dir: opts.outDir,
      format: 'es',
      entryFileNames: 'course.js',
      // Stable names (no content hash) keep zips byte-identical and the manifest readable.
      // A virtual module's chunk would be named `_virtual_<name>`.
      chunkFileNames: (chunk) => `chunks/${chunk.name.replace(/^_virtual_/, '')}.js`,
      sourcemap: false,
    },
    plugins: [
      coursePlugin(opts),
      minifyCssPlugin(),
      minifyHtmlPlugin(),
      // `production`: Lit's exports without its dev-mode checks and "Lit is in dev mode" warning.
      // https://lit.dev/docs/tools/production/
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild({ target: 'es2021', minify: opts.minify ?? true, tsconfig: path.join(ROOT, 'tsconfig.json'), legalComments: 'none' }),
    ],
    onwarn(warning, warn) {
      // Lit's `this` at module level in some builds is harmless.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  };
}
