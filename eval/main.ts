// `npm run eval -- TASK ARGS…`: each task is a module eval/TASK.ts exporting `run(args): Promise<number>`.
const TASKS = ['ner', 'time', 'quotes', 'petrarch', 'gold', 'stories'];

const [task, ...args] = process.argv.slice(2);
if (!task || !TASKS.includes(task)) {
  console.error(`usage: npm run eval -- TASK ARGS…   (TASK: ${TASKS.join(', ')})`);
  process.exit(2);
}
let mod: { run(args: string[]): Promise<number> };
try {
  mod = await import(`./${task}.js`);
} catch (err) {
  console.error(`eval: task "${task}" is not available yet (${(err as Error).message})`);
  process.exit(2);
}
process.exitCode = await mod.run(args);
