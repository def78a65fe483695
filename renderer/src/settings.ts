import { useCallback, useEffect, useState } from 'react';
import type { Language } from './i18n.js';

export type Theme = 'system' | 'light' | 'dark' | 'sepia';
export type ReadingWidth = 'narrow' | 'normal' | 'wide';

export interface Settings {
  theme: Theme;
  /** Body font size in pixels. */
  fontSize: number;
  width: ReadingWidth;
  language: Language;
  showDrafts: boolean;
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', fontSize: 18, width: 'normal', language: 'vi', showDrafts: false };
export const FONT_SIZES = [15, 16, 18, 20, 22, 24];

const SETTINGS_KEY = 'lecture-reader:settings';

function read<T>(key: string): Partial<T> {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<T>;
  } catch {
    return {};
  }
}

/** Reader settings, remembered in this browser (or app profile). */
export function useSettings(): [Settings, (change: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings>(() => ({ ...DEFAULT_SETTINGS, ...read<Settings>(SETTINGS_KEY) }));
  useEffect(() => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  }, [settings]);
  const update = useCallback((change: Partial<Settings>) => setSettings((current) => ({ ...current, ...change })), []);
  return [settings, update];
}
