/** `L`: the languages, each written in itself so anyone can find their own. */
import { Box, Text } from 'ink';
import { LANGUAGES, type Language } from '../../src/core/language.js';
import { useController, useUiState } from '../hooks/use-ui.js';

// A language's own name for itself is the same in every language, so
// these are data, not translations.
const AUTONYMS: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  ja: '日本語',
};

export function LanguagePicker({ index }: { index: number }) {
  const ui = useController();
  const state = useUiState();
  const t = ui.t;

  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor="cyan"
      paddingX={1}
      width={36}
    >
      <Text bold>{t('ui:language.title')}</Text>
      {LANGUAGES.map((language, i) => (
        <Text key={language} inverse={i === index}>
          {i === index ? '› ' : '  '}
          {AUTONYMS[language]} ({language})
          {language === state.language ? ' ✓' : ''}
        </Text>
      ))}
    </Box>
  );
}
