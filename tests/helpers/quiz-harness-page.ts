/**
 * The frame of the quiz component tests (quiz-flow, quiz-attempts, quiz-resume, quiz-layout): the
 * quiz test page of tests/fixtures/quiz-harness, built once per run by the global setup, served to
 * one Chromium for the file; with `useQuizHarnessPage`, also one context and page for all its tests.
 */
import { beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserAndServer, type BrowserAndServer } from './browser-and-server.ts';
import { serve } from './static-server.ts';
import { quizHarnessDist } from './test-dist.ts';

/** One Chromium and a server of this run's quiz test page, for the file. */
export function useQuizHarness(): BrowserAndServer {
  return useBrowserAndServer(() => serve(quizHarnessDist()));
}

export interface QuizHarnessPage extends BrowserAndServer {
  /** Set once the file's first beforeAll has run. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors of the page, in order. */
  readonly errors: string[];
}

export interface QuizHarnessOptions {
  /** Open the page on this quiz of the harness course before the file's tests (and wait for it). */
  quiz?: string;
  /** Start that quiz with no saved progress (the page keeps it in localStorage). */
  freshStorage?: boolean;
}

/** Open the harness on a quiz of its course and wait until the quiz view shows its heading. */
export async function openQuiz(h: Pick<QuizHarnessPage, 'page' | 'server'>, quiz: string): Promise<void> {
  await h.page.goto(`${h.server.url}/index.html?quiz=${quiz}`);
  await h.page.locator('quiz-view').locator('h1').first().waitFor();
}

/**
 * Registers the file's beforeAll: a context and page on the quiz test page (errors recorded), opened
 * on `quiz` when given. Call it at the top of the file, before the file's own hooks.
 */
export function useQuizHarnessPage(opts: QuizHarnessOptions = {}): QuizHarnessPage {
  const env = useQuizHarness();
  const h = Object.create(env) as { context?: BrowserContext; page?: Page; errors: string[] };
  h.errors = [];
  beforeAll(async () => {
    h.context = await env.browser.newContext();
    h.page = await h.context.newPage();
    h.page.on('pageerror', (e) => h.errors.push(e.message));
    if (!opts.quiz) return;
    await openQuiz(h as QuizHarnessPage, opts.quiz);
    if (opts.freshStorage) {
      await h.page.evaluate(() => localStorage.clear());
      await h.page.reload();
      await h.page.locator('quiz-view').locator('h1').first().waitFor();
    }
  });
  return h as QuizHarnessPage;
}
