/** The machine the figures come from: timings mean little without it. */
import os from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  os: string;
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  /** 1-minute load average when the bench started and when it ended: timings on a busy machine are slower and noisier. */
  loadAverage: { start: number; end: number | null };
}

/** 1-minute load average, to two decimals. */
export const load1 = () => Math.round(os.loadavg()[0] * 100) / 100;

export function machine(chromiumVersion: string): Machine {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})${osName()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion,
    loadAverage: { start: load1(), end: null },
  };
}

function osName(): string {
  try {
    // e.g. PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
    const text = readFileSync('/etc/os-release', 'utf8');
    const m = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(text);
    return m ? `, ${m[1]}` : '';
  } catch {
    return '';
  }
}
