// Deliberate layering violation (kept as a fixture): core code touching the DOM and Node globals.
// test/unit/layering.test.ts proves that the core tsconfig refuses to compile this.
export const title = document.title;
export const bytes = Buffer.from('x');
export const cwd = process.cwd();
