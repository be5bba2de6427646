#!/usr/bin/env node
// The compiled CLI (`npm install` builds dist/ in prepare): plain node, no loader at run time.
import { runCommandLine } from '../dist/cli.js';

runCommandLine();
