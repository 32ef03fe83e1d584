/**
 * The preload: one narrow `window.pos`, generated from the contract's channel list. No ipcRenderer,
 * no Node, no events reach the page: each function invokes its own channel, and the answer is
 * checked against the contract before the page sees it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildPosApi } from '../shared/ipc/pos-api-builder';

contextBridge.exposeInMainWorld(
  'pos',
  buildPosApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
