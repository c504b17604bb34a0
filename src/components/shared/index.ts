/** Shared styles for all components: `import { tokens, controls } from '../shared/index.ts'`. */
export { tokens } from './tokens.styles.ts';
export { focusRing, visuallyHidden, text, buttons, panels, controls } from './controls.styles.ts';
