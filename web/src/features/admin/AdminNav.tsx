/** Links between the pages of the administration area, each shown to the roles that may open it. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasAnyRole, useMe } from '../../api/auth';

const PAGES: { to: string; key: string; roles: string[] }[] = [
  { to: '/quan-tri', key: 'admin.nav.settings', roles: ['admin'] },
  { to: '/quan-tri/dong-bo-dvcqg', key: 'admin.nav.dvcqg', roles: ['admin', 'manager'] },
];

/** The area's navigation (hidden when the account may open one page only). */
export function AdminNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const pages = PAGES.filter((p) => hasAnyRole(me, p.roles));
  if (pages.length < 2) return null;
  return (
    <Group component="nav" aria-label={t('admin.nav.label')} gap="xs" mb="md">
      {pages.map((p) => (
        <Button
          key={p.to}
          component={Link}
          to={p.to}
          size="compact-md"
          variant={pathname === p.to ? 'filled' : 'light'}
          aria-current={pathname === p.to ? 'page' : undefined}
        >
          {t(p.key)}
        </Button>
      ))}
    </Group>
  );
}
