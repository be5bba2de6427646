import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Config } from '../../src/config/schema.js';
import { BotMetrics, HealthChecks, startHealthServer } from '../../src/health/index.js';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'briefbot-deploy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Instruction {
  line: number;
  name: string;
  args: string;
}

/** Dockerfile instructions: comments dropped, backslash continuations joined. */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: Instruction | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    const body = line.endsWith('\\') ? line.slice(0, -1).trim() : line;
    if (pending) pending.args += ` ${body}`;
    else {
      const m = /^([A-Za-z]+)\s+(.*)$/.exec(body);
      if (!m) throw new Error(`Dockerfile:${i + 1}: not an instruction: ${raw}`);
      pending = { line: i + 1, name: m[1]!.toUpperCase(), args: m[2]! };
    }
    if (!line.endsWith('\\')) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending) throw new Error(`Dockerfile:${pending.line}: continuation never ends`);
  return out;
}

/** Splits the instructions into stages at each FROM. */
function stages(instructions: Instruction[]): { from: string; name?: string; body: Instruction[] }[] {
  const out: { from: string; name?: string; body: Instruction[] }[] = [];
  for (const ins of instructions) {
    if (ins.name === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args)!;
      out.push({ from: m[1]!, ...(m[2] ? { name: m[2] } : {}), body: [] });
    } else out.at(-1)?.body.push(ins);
  }
  return out;
}

describe('Dockerfile', () => {
  const instructions = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const [build, run] = [stages(instructions)[0]!, stages(instructions).at(-1)!];
  const runArgs = (name: string) => run.body.filter((i) => i.name === name).map((i) => i.args);

  it('builds in one stage and runs from another, as a non-root user, with plain node', () => {
    expect(stages(instructions).length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBe('build');
    expect(build.body.some((i) => i.name === 'RUN' && /npm ci/.test(i.args) && /prune --omit=dev/.test(i.args))).toBe(
      true,
    );
    expect(runArgs('COPY').some((a) => a.startsWith('--from=build') && a.includes('dist'))).toBe(true);
    const users = runArgs('USER');
    expect(users.length).toBe(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    const names = run.body.map((i) => i.name);
    expect(names.indexOf('USER')).toBeLessThan(names.indexOf('CMD'));
    expect(JSON.parse(runArgs('CMD')[0]!)).toEqual(['node', 'dist/cli.js', 'start']);
  });

  it('keeps the store and the model cache on volumes where the bot writes them', () => {
    const workdir = runArgs('WORKDIR')[0]!;
    const volumes = JSON.parse(runArgs('VOLUME')[0]!) as string[];
    const store = Config.parse({}).store;
    expect(volumes).toContain(join(workdir, store.split('/')[0]!));
    expect(volumes).toContain(join(workdir, '.cache'));
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', 'data', '.cache']));
    for (const stage of stages(instructions)) {
      for (const copy of stage.body.filter((i) => i.name === 'COPY' && !i.args.startsWith('--from'))) {
        const sources = copy.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1);
        for (const source of sources) {
          expect(existsSync(join(ROOT, source)), `COPY ${source}`).toBe(true);
          expect(ignored, `COPY ${source} is in .dockerignore`).not.toContain(source.replace(/\/$/, ''));
        }
      }
    }
  });

  it('checks health with a command that passes on /healthz and fails when nothing answers', async () => {
    const healthcheck = runArgs('HEALTHCHECK')[0]!;
    const command = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD') + 3).trim()) as string[];
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/healthz');
    const server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      checks: new HealthChecks(),
      metrics: new BotMetrics({ outboxDepth: () => 0, articles: () => 0 }),
    });
    // Asynchronously: the server answers from this process's event loop.
    const probe = (port: number) =>
      new Promise<number | null>((done) => {
        const child = spawn(process.execPath, command.slice(1), {
          env: { ...process.env, HEALTH_PORT: String(port) },
          stdio: 'ignore',
          timeout: 10_000,
        });
        child.on('exit', (code) => done(code));
      });
    try {
      expect(await probe(server.port)).toBe(0);
    } finally {
      await server.close();
    }
    expect(await probe(server.port)).toBe(1);
  });
});

describe('deploy/briefbot.service', () => {
  const unit = readFileSync(join(ROOT, 'deploy/briefbot.service'), 'utf8');
  const setting = (key: string) => [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]);

  it('restarts on failure, reads secrets from an EnvironmentFile and runs the compiled CLI', () => {
    expect(setting('Restart')).toEqual(['on-failure']);
    expect(setting('EnvironmentFile')).toHaveLength(1);
    expect(setting('ExecStart')[0]).toMatch(/node \S+\/dist\/cli\.js start$/);
    expect(setting('User')[0]).not.toBe('root');
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  it.skipIf(analyze.error !== undefined)('passes systemd-analyze verify without a warning', () => {
    // Checked with this machine's node in ExecStart: verify refuses a command that is not there.
    const file = join(scratch, 'briefbot.service');
    writeFileSync(file, unit.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
    const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
