// Vitest setup of the unit project: one seed for every fc.assert in the test files (see fuzz-seed.ts).
import fc from 'fast-check';
import { fuzzSeed } from './fuzz-seed.ts';

const seed = fuzzSeed();
if (seed !== undefined) fc.configureGlobal({ seed });
