import { chooseLanguage, language, t, type Language } from '../i18n';

/** English or French, chosen here for this device (the browser's language otherwise). */
export function LanguagePicker() {
  return (
    <label class="language">
      <span class="visually-hidden">{t('app.language')}</span>
      <select
        value={language.value}
        onChange={(e) => chooseLanguage((e.target as HTMLSelectElement).value as Language)}
      >
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
    </label>
  );
}
