#!/usr/bin/env node
// The `terms-bundle` command. The package ships TypeScript sources, so tsx loads them.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
