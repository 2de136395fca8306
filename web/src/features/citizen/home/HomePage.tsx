/**
 * The citizen portal's first page: what the portal is and a search box for procedures. Kept small on
 * purpose (it is what every visitor downloads first); the catalogue and tracking pages load lazily.
 */
import { Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The home page of the public portal. */
export function HomePage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The catalogue search page arrives with the web issue; the query is kept in the URL for it.
    const params = new URLSearchParams({ q: query.trim() });
    window.history.replaceState(null, '', `/?${params.toString()}`);
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="xl">
        <Paper p="xl" radius="lg" bg="motcua.0">
          <Stack gap="md">
            <Title order={2}>{t('home.heading')}</Title>
            <Text size="lg">{t('home.lead')}</Text>
            <form onSubmit={onSubmit} role="search">
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  flex={1}
                  size="lg"
                  type="search"
                  name="q"
                  label={t('home.searchLabel')}
                  placeholder={t('home.searchPlaceholder')}
                  value={query}
                  onChange={(event) => setQuery(event.currentTarget.value)}
                />
                <Button type="submit" size="lg">
                  {t('home.searchButton')}
                </Button>
              </Group>
            </form>
          </Stack>
        </Paper>
        <Stack gap={4}>
          <Title order={3}>{t('home.trackHeading')}</Title>
          <Text>{t('home.trackText')}</Text>
        </Stack>
      </Stack>
    </Container>
  );
}
