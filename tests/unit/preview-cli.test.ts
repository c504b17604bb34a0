import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/preview/cli.ts';

describe('parseCli', () => {
  it('defaults: 127.0.0.1:8080, build and watch, dist/ and .preview-data/', () => {
    expect(parseCli([], {})).toEqual({ port: 8080, host: '127.0.0.1', build: true, watch: true, content: '.', out: 'dist', data: '.preview-data' });
  });

  it('takes the port from --port, -p or $PORT', () => {
    expect(parseCli(['--port', '9000'], {})).toMatchObject({ port: 9000 });
    expect(parseCli(['-p', '0'], {})).toMatchObject({ port: 0 });
    expect(parseCli([], { PORT: '8181' })).toMatchObject({ port: 8181 });
    expect(parseCli(['--port', '9000'], { PORT: '8181' })).toMatchObject({ port: 9000 });
  });

  it('turns watching and building off', () => {
    expect(parseCli(['--no-watch'], {})).toMatchObject({ build: true, watch: false });
    expect(parseCli(['--no-build'], {})).toMatchObject({ build: false, watch: false });
  });

  it('refuses bad options with a readable message', () => {
    expect(() => parseCli(['--port', 'eighty'], {})).toThrow(/--port must be a number/);
    expect(() => parseCli(['--port', '70000'], {})).toThrow(/--port must be a number/);
    expect(() => parseCli(['--bogus'], {})).toThrow(/bogus/);
    expect(parseCli(['--help'], {})).toBe('help');
  });
});

describe('npm start (the CLI as a process)', () => {
  it('prints the URL (the next port when busy), serves the page, and stops cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'preview-cli-'));
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const busy = (blocker.address() as { port: number }).port;
    try {
      await mkdir(path.join(dir, 'dist'));
      await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>built</title>');
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/preview/cli.ts', '--no-build', '--port', String(busy), '--out', path.join(dir, 'dist'), '--data', path.join(dir, 'data')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
      const deadline = Date.now() + 30_000;
      while (!/preview LMS: (http:\S+)/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      const url = /preview LMS: (http:\S+)/.exec(out)?.[1];
      expect(url, out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(out).toContain(`port ${busy} is busy: using`);
      expect(out).toContain('not watching for changes');
      expect(Number(new URL(url!).port)).toBeGreaterThan(busy);
      expect((await fetch(url!)).status).toBe(200);
      expect(await (await fetch(`${url}course/`)).text()).toContain('<title>built</title>');
      child.kill('SIGTERM');
      const code = await new Promise((r) => child.once('exit', r));
      expect(code).toBe(0);
    } finally {
      await new Promise((r) => blocker.close(r));
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
