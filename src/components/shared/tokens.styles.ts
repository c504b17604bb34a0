/**
 * Design tokens shared by every component: a calm, neutral palette with text contrast of
 * at least 4.5:1 on the page and panel backgrounds (ratios noted beside each colour), spacing and
 * type sizes in rem so text resizing and text-spacing overrides never clip anything.
 *
 * Components include `tokens` first in their `static styles` array; the custom properties
 * are defined on `:host`, so they also work when a component is used on its own.
 *
 * Themes: each colour reads `--theme-<name>` first, which src/styles/global.css sets on the page for
 * the dark theme (chosen in display settings, or the device's prefers-color-scheme); custom properties
 * inherit into every shadow root. Without the page's stylesheet the light values below apply. The
 * ratios here are for the light theme; global.css notes the dark ones, and axe checks both.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    /* Text #1f2328 on #ffffff = 15.8:1; on --c-panel #f5f6f4 = 14.6:1; on --c-accent-soft 13.6:1. */
    --c-text: var(--theme-text, #1f2328);
    /* Secondary text #4a5157 on #ffffff = 8.1:1; on --c-panel 7.4:1; on --c-panel-strong 6.8:1. */
    --c-text-muted: var(--theme-text-muted, #4a5157);
    --c-bg: var(--theme-bg, #ffffff);
    /* Calm panels (advisory, support, notes): a soft grey-green. */
    --c-panel: var(--theme-panel, #f5f6f4);
    --c-panel-strong: var(--theme-panel-strong, #e9ece8);
    /* Control borders #6b7378 on #ffffff = 4.8:1, on --c-panel 4.5:1 (>= 3:1 needed for UI components, WCAG 1.4.11). */
    --c-border: var(--theme-border, #6b7378);
    /* Decorative only (panel and table rules), never the only edge of a control. */
    --c-border-soft: var(--theme-border-soft, #c9cfcb);
    /* Accent (links, primary buttons): a muted teal-blue. #1d5c7a on #ffffff = 7.3:1, on --c-panel 6.8:1; white on it 7.3:1. */
    --c-accent: var(--theme-accent, #1d5c7a);
    --c-accent-hover: var(--theme-accent-hover, #154a63);
    --c-accent-soft: var(--theme-accent-soft, #e6f0f4);
    /* Visited links keep readable contrast (#5a3f78 on white = 8.7:1). */
    --c-visited: var(--theme-visited, #5a3f78);
    /* Focus ring: dark blue-black #0b1f33 (17:1 on white) with a white inner halo, visible on any background. */
    --c-focus: var(--theme-focus, #0b1f33);
    /* Passage highlight: a pale, warm yellow behind dark text (14.2:1); its bar #8a6d00 is 4.4:1 against it. */
    --c-highlight: var(--theme-highlight, #fbf3d0);
    --c-highlight-border: var(--theme-highlight-border, #8a6d00);
    /* States never rely on colour alone: each one has text and an icon or border as well. */
    /* #1e6b3a on white 6.5:1; #7a4b00 on --c-attention-soft 6.7:1. */
    --c-positive: var(--theme-positive, #1e6b3a);
    --c-positive-soft: var(--theme-positive-soft, #e8f3ec);
    --c-attention: var(--theme-attention, #7a4b00);
    --c-attention-soft: var(--theme-attention-soft, #fbf3e4);
    /* Text on the accent (primary buttons): white in the light theme, the dark page colour in the dark one. */
    --c-on-accent: var(--theme-on-accent, #ffffff);
    /* Error text and bars (GOV.UK red): #a4262c on white 7.1:1. */
    --c-error: var(--theme-error, #a4262c);

    --font-body: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif;
    --font-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
    /* The learner's line spacing (display settings) comes from the page as --theme-line-height. */
    --line-height: var(--theme-line-height, 1.5);
    --measure: 70ch;
    /* The page column: header, notices and views share its left edge (text inside keeps --measure). */
    --page-width: 60rem;

    --space-1: 0.25rem;
    --space-2: 0.5rem;
    --space-3: 0.75rem;
    --space-4: 1rem;
    --space-5: 1.5rem;
    --space-6: 2rem;
    --space-7: 3rem;

    --radius: 0.375rem;
    --focus-width: 3px;
    --focus-offset: 2px;
    /* Main buttons meet the 44x44 px enhanced target size; small controls at least 24x24 px (WCAG 2.5.8). */
    --target-main: 2.75rem;
    --target-min: 1.5rem;
  }
`;
