#!/usr/bin/env node
import { runCli } from '../dist/cli.js';

void runCli(process.argv.slice(2));
