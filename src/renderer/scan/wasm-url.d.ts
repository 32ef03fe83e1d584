/** Vite's `?url` import of zxing's reader .wasm: a same-origin URL inside our own bundle. */
declare module 'zxing-wasm/reader/zxing_reader.wasm?url' {
  const url: string;
  export default url;
}
