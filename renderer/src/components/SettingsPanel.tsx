import type { Language, Strings } from '../i18n.js';
import { FONT_SIZES, type ReadingWidth, type Settings, type Theme } from '../settings.js';

interface SettingsPanelProps {
  settings: Settings;
  strings: Strings;
  onChange: (change: Partial<Settings>) => void;
  onClose: () => void;
}

export function SettingsPanel({ settings, strings, onChange, onClose }: SettingsPanelProps) {
  const themes: [Theme, string][] = [
    ['system', strings.themeSystem],
    ['light', strings.themeLight],
    ['dark', strings.themeDark],
    ['sepia', strings.themeSepia],
  ];
  const widths: [ReadingWidth, string][] = [
    ['narrow', strings.widthNarrow],
    ['normal', strings.widthNormal],
    ['wide', strings.widthWide],
  ];
  return (
    <div className="settings-panel" role="dialog" aria-modal="false" aria-labelledby="settings-heading" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="settings-head">
        <h2 id="settings-heading">{strings.settings}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={strings.close}>
          ✕
        </button>
      </div>
      <fieldset>
        <legend>{strings.theme}</legend>
        <div className="segmented">
          {themes.map(([value, label]) => (
            <label key={value} className={settings.theme === value ? 'checked' : undefined}>
              <input type="radio" name="theme" value={value} checked={settings.theme === value} onChange={() => onChange({ theme: value })} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{strings.fontSize}</legend>
        <div className="stepper">
          <button type="button" aria-label={`${strings.fontSize} −`} disabled={settings.fontSize <= FONT_SIZES[0]} onClick={() => onChange({ fontSize: FONT_SIZES[Math.max(0, FONT_SIZES.indexOf(settings.fontSize) - 1)] })}>
            A−
          </button>
          <output aria-live="polite">{settings.fontSize}px</output>
          <button type="button" aria-label={`${strings.fontSize} +`} disabled={settings.fontSize >= FONT_SIZES[FONT_SIZES.length - 1]} onClick={() => onChange({ fontSize: FONT_SIZES[Math.min(FONT_SIZES.length - 1, FONT_SIZES.indexOf(settings.fontSize) + 1)] })}>
            A+
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{strings.width}</legend>
        <div className="segmented">
          {widths.map(([value, label]) => (
            <label key={value} className={settings.width === value ? 'checked' : undefined}>
              <input type="radio" name="width" value={value} checked={settings.width === value} onChange={() => onChange({ width: value })} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="row">
        {strings.language}
        <select value={settings.language} onChange={(event) => onChange({ language: event.target.value as Language })}>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </label>
      <label className="row checkbox">
        <input type="checkbox" checked={settings.showDrafts} onChange={(event) => onChange({ showDrafts: event.target.checked })} />
        {strings.showDrafts}
      </label>
    </div>
  );
}
