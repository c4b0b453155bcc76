// Runs the cases of one package in a worker thread so a hang or an out-of-memory crash is
// contained: the parent terminates us when a case exceeds its time limit.
import { parentPort, workerData } from 'node:worker_threads';
import { setAllocationLimit } from '@rg/linalg';
import { casesOf, runCase } from './cases.mjs';
import { DESCRIPTIONS } from './descriptions.mjs';

const { pkg, startAt, allocationLimit } = workerData;
setAllocationLimit(allocationLimit);
const mod = await import(`@rg/${pkg}`);
const table = DESCRIPTIONS[pkg];
const cases = Object.keys(table)
  .filter((name) => name in mod)
  .flatMap((name) => casesOf(pkg, name, table[name]));
for (let i = startAt; i < cases.length; i++) {
  parentPort.postMessage({ type: 'start', index: i, total: cases.length });
  let finding;
  try {
    finding = await runCase(mod, cases[i], table[cases[i].name]);
  } catch (e) {
    finding = { category: 'harness', detail: String(e?.stack ?? e).slice(0, 200) };
  }
  parentPort.postMessage({ type: 'done', index: i, finding });
}
parentPort.postMessage({ type: 'end', total: cases.length });
