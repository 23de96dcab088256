// Vite's `?worker&url` import: the URL of a worker it builds as a file of its own (src/core/workers.ts).
declare module '*?worker&url' {
  const url: string;
  export default url;
}
