/** Any unknown address. Loaded lazily, as every page but the home page. */
import { Button, Container, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 404 page with a way back home. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={2}>{t('notFound.title')}</Title>
        <Button component={Link} to="/" variant="light">
          {t('notFound.back')}
        </Button>
      </Stack>
    </Container>
  );
}
