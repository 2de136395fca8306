/** The frame of the public (citizen) pages: header with the portal's name, the page, and a footer. */
import { Anchor, AppShell, Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoader } from './PageLoader';
import { SystemStatus } from './SystemStatus';
import { UserMenu } from './UserMenu';

/** Layout route for citizen pages; child routes render in the main area. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: { base: 104, sm: 64 } }} padding={0}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header bg="motcua.8" c="white">
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="wrap" gap={4} py={4}>
            <Anchor component={Link} to="/" c="white" underline="never">
              <Title order={1} size="h4" fw={700}>
                {t('app.title')}
              </Title>
            </Anchor>
            <Group gap="md" wrap="wrap">
              <UserMenu />
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
        <Box component="footer" bg="gray.0" mt="xl">
          <Container size="lg" py="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t('footer.owner')}
                </Text>
                <Text size="sm">{t('footer.hotline')}</Text>
                <Text size="xs" c="gray.7">
                  {t('footer.copyright')}
                </Text>
              </Stack>
              <SystemStatus />
            </Group>
          </Container>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
