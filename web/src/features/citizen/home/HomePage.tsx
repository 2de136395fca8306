/**
 * The citizen portal's first page: a search box (diacritics-insensitive on the API side), the catalogue with
 * facets by agency, field and level, and the way to track a dossier. Kept small on purpose: it is what every
 * visitor downloads first; everything else loads lazily.
 */
import { Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Catalogue } from './Catalogue';

/** The home page of the public portal. */
export function HomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (query.trim()) next.set('q', query.trim());
    else next.delete('q');
    next.delete('page');
    setParams(next);
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="xl">
        <Paper p={{ base: 'md', sm: 'xl' }} radius="lg" bg="motcua.0">
          <Stack gap="md">
            <Title order={2}>{t('home.heading')}</Title>
            <Text size="lg">{t('home.lead')}</Text>
            <form onSubmit={onSubmit} role="search">
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  flex={1}
                  miw={220}
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
        <Catalogue />
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={4}>
              <Title order={2} size="h3">
                {t('home.trackHeading')}
              </Title>
              <Text>{t('home.trackText')}</Text>
            </Stack>
            <Button component={Link} to="/tra-cuu" variant="light">
              {t('home.trackButton')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </Container>
  );
}
