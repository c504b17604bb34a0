/** Build the course with the same rollup configuration as `npm run build`, into a given folder. */
import { rollup } from 'rollup';
import { courseBuildConfig } from '../../src/content/build-config.ts';

export async function buildCourse(outDir: string, opts: { contentDir?: string; scormVersion?: '1.2' | '2004' | 'auto' } = {}) {
  const config = courseBuildConfig({ contentDir: opts.contentDir ?? '.', outDir, scormVersion: opts.scormVersion ?? 'auto' });
  const bundle = await rollup(config);
  try {
    await bundle.write(config.output as object);
  } finally {
    await bundle.close();
  }
}
