/** The Mantine theme: the national red and gold, readable sizes for citizens of every age. */
import { Alert, createTheme, type MantineColorsTuple } from '@mantine/core';

const motcuaRed: MantineColorsTuple = [
  '#ffe9ec',
  '#fdd2d6',
  '#f5a2ab',
  '#ee6f7d',
  '#e84556',
  '#e42a3e',
  '#e31b32',
  '#c90d26',
  '#b40321',
  '#9e0019',
];

/** Theme of every page of the web app. */
export const theme = createTheme({
  primaryColor: 'motcua',
  colors: { motcua: motcuaRed },
  primaryShade: 7,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  components: {
    // Light alerts' coloured titles miss WCAG AA contrast: titles take the text colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});
