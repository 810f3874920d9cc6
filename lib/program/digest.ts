import type { Settings } from '../settings/types';

/** A short, stable digest of a string (FNV-1a, 32 bits, hex). */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The models as a rescoring's basis names them: the same digest for the same settings, wherever
 * they were read (the background's run, the options page's save, a team feed's switch).
 */
export function settingsDigest(settings: Settings): string {
  return digest(JSON.stringify(settings));
}
