// npm run build: the unpacked course in dist/ (index.html at its root).
// Runs under `node --import tsx` so the TypeScript build code can be imported directly.
import { courseBuildConfig } from './src/content/build-config.ts';

export default courseBuildConfig({
  contentDir: process.env.COURSE_CONTENT ?? '.',
  outDir: process.env.COURSE_OUT ?? 'dist',
  scormVersion: 'auto',
  exitOnContentError: true,
});
