// npm run bench:editor — only the editor part of `npm run bench`
// (scripts/bench-editor.ts), on its own server with the sample articles.
import { benchEditor, printEditorFigures } from './bench-editor';
import { startSampleServer } from './server-for-tools';

const { base, dataDir, stop } = await startSampleServer(Number(process.env.BENCH_ARTICLES ?? 2000));
try {
  printEditorFigures(await benchEditor(base, dataDir));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  stop();
}
