#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `briefbot` needs no build step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const child = spawn(process.execPath, [tsxCli, join(root, 'src/cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
// A process manager signals this process only (docker stop, systemd): pass it on so the bot
// shuts down gracefully instead of being orphaned.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
