import type { Language, Strings } from '../i18n.js';
import { Panel } from './Panel.js';
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
  const stepFontSize = (step: number) => {
    const current = Math.max(0, FONT_SIZES.indexOf(settings.fontSize));
    onChange({ fontSize: FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, current + step))] });
  };
  return (
    <Panel title={strings.settings} closeLabel={strings.close} onClose={onClose} closeOnOutsideClick>
      <Choice legend={strings.theme} name="theme" options={themes} value={settings.theme} onChange={(theme) => onChange({ theme })} />
      <fieldset>
        <legend>{strings.fontSize}</legend>
        <div className="stepper">
          <button type="button" aria-label={`${strings.fontSize} −`} disabled={settings.fontSize <= FONT_SIZES[0]} onClick={() => stepFontSize(-1)}>
            A−
          </button>
          <output aria-live="polite">{settings.fontSize}px</output>
          <button
            type="button"
            aria-label={`${strings.fontSize} +`}
            disabled={settings.fontSize >= FONT_SIZES[FONT_SIZES.length - 1]}
            onClick={() => stepFontSize(1)}
          >
            A+
          </button>
        </div>
      </fieldset>
      <Choice legend={strings.width} name="width" options={widths} value={settings.width} onChange={(width) => onChange({ width })} />
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
    </Panel>
  );
}

/** A labelled row of radio buttons drawn as a segmented control. */
function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: [T, string][];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="segmented">
        {options.map(([option, label]) => (
          <label key={option} className={value === option ? 'checked' : undefined}>
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
