// Vite and Vitest import a file's text with `?raw`; the tests use it to read the committed seed copy
// without Node's fs, which shared/ may not import.
declare module '*?raw' {
  const text: string;
  export default text;
}
