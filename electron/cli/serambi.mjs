#!/usr/bin/env node
// The `serambi` command. Runs the TypeScript sources directly, so `npx serambi …` works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
