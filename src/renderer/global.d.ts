/// <reference types="vite/client" />
import type { PosApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser (the browser-host shim is used). */
    pos?: PosApi;
  }
}
