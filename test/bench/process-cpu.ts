import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
};

/** `comm`, parent pid and CPU seconds (user + system) from a /proc stat line. */
function parseStat(stat: string): { name: string; parent: number; seconds: number } {
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, close), parent: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (stat === null) continue;
    const { parent } = parseStat(stat);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  return children;
}

/** The processes a process started, e.g. the browser Playwright launched from this one. */
export function childProcesses(pid: number): number[] {
  return existsSync('/proc/self/stat') ? (childrenByParent().get(pid) ?? []) : [];
}

function descendants(roots: readonly number[]): number[] {
  const children = childrenByParent();
  const found: number[] = [];
  for (const queue = [...roots]; queue.length > 0; ) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Chromium's process role from its command line: browser, renderer, gpu-process, utility… */
function role(pid: number): string {
  const commandLine = read(`/proc/${pid}/cmdline`) ?? '';
  const type = /--type=([\w-]+)/u.exec(commandLine)?.[1];
  const service = /--utility-sub-type=([\w.-]+)/u.exec(commandLine)?.[1];
  return service ? `${type}:${service.split('.').at(-2) ?? service}` : (type ?? 'main');
}

export type CpuSample = Map<string, number>;

function threads(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/**
 * CPU seconds so far of every thread under each labelled set of process trees, keyed
 * `label/role/thread#tid`. Empty where there is no /proc.
 */
export function sampleCpu(trees: Record<string, readonly number[]>): CpuSample {
  const sample: CpuSample = new Map();
  if (!existsSync('/proc/self/stat')) return sample;
  for (const [label, roots] of Object.entries(trees)) {
    for (const pid of descendants(roots)) {
      const processRole = role(pid);
      for (const thread of threads(pid)) {
        const stat = read(`/proc/${pid}/task/${thread}/stat`);
        if (stat === null) continue;
        const { name, seconds } = parseStat(stat);
        sample.set(`${label}/${processRole}/${name}#${thread}`, seconds);
      }
    }
  }
  return sample;
}

/**
 * CPU seconds spent between two samples by `label/role/thread`, threads of one name summed,
 * busiest first, leaving out those that barely ran. A thread that ended in between (a page's
 * worker after a reload) is missing its time since the first sample.
 */
export function cpuBetween(before: CpuSample, after: CpuSample, atLeastSeconds = 0.5): Record<string, number> {
  const spent = new Map<string, number>();
  for (const [key, seconds] of after) {
    const name = key.slice(0, key.lastIndexOf('#'));
    spent.set(name, (spent.get(name) ?? 0) + seconds - (before.get(key) ?? 0));
  }
  const rounded = [...spent].map(([name, seconds]) => [name, Math.round(seconds * 10) / 10] as const);
  return Object.fromEntries(rounded.filter(([, seconds]) => seconds >= atLeastSeconds).sort((a, b) => b[1] - a[1]));
}

/**
 * The whole machine's CPU seconds so far (all but idle and I/O wait, from /proc/stat), those the
 * hypervisor stole, and this process's own: set beside the app's threads, they show whether
 * anything else, the bench included, took the cores. Keyed as sampleCpu keys threads.
 */
export function machineCpu(): CpuSample {
  const sample: CpuSample = new Map();
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line) return sample;
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/u).slice(1).map(Number) as number[];
  sample.set('machine/all/busy#0', (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND);
  sample.set('machine/all/steal#0', steal! / TICKS_PER_SECOND);
  const own = process.cpuUsage();
  sample.set('bench/main/process#0', (own.user + own.system) / 1e6);
  return sample;
}

/** sampleCpu of the trees, with the machine's and the bench's own (machineCpu). */
export function sampleCpuWithMachine(trees: Record<string, readonly number[]>): CpuSample {
  return new Map([...sampleCpu(trees), ...machineCpu()]);
}
