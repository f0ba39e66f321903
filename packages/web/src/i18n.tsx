import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './messages/en';
import { vi } from './messages/vi';

export type Language = 'vi' | 'en';
export type MessageKey = keyof typeof vi;

const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** Message in the current language; `{name}` placeholders are filled from `vars`. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function fillTemplate(template: string, vars?: Record<string, string | number>): string {
  return vars
    ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
    : template;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'ntm.language';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi',
  );
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t(key, vars) {
        return fillTemplate(dictionaries[language][key], vars);
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** A page's own messages in both languages, looked up in the language of the application. */
export function usePageText<K extends string>(
  messages: Record<Language, Record<K, string>>,
): (key: K, vars?: Record<string, string | number>) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => fillTemplate(messages[language][key], vars), [language, messages]);
}
