/** Header navigation: public links, the areas the account may use, and login / logout. */
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasAnyRole, OFFICER_ROLES, useLogout, useMe } from '../api/auth';

const AREAS: { to: string; key: string; roles: string[] }[] = [
  { to: '/ho-so-cua-toi', key: 'nav.myDossiers', roles: ['citizen', 'business'] },
  { to: '/can-bo', key: 'nav.inbox', roles: OFFICER_ROLES },
  { to: '/can-bo/tiep-nhan', key: 'nav.paperIntake', roles: ['one-stop'] },
  { to: '/phan-tich', key: 'nav.analyst', roles: ['analyst', 'admin'] },
  { to: '/quan-ly', key: 'nav.manager', roles: ['manager', 'admin'] },
  { to: '/quan-tri', key: 'nav.admin', roles: ['admin'] },
  { to: '/quan-tri/dong-bo-dvcqg', key: 'nav.dvcqg', roles: ['manager', 'admin'] },
];

/** Links and the account's name; wraps on phones. */
export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();
  const link = { c: 'white', fw: 500, size: 'sm' } as const;
  return (
    <Group gap="md" wrap="wrap" component="nav" aria-label={t('nav.label')}>
      <Anchor component={Link} to="/tra-cuu" {...link}>
        {t('nav.tracking')}
      </Anchor>
      {AREAS.filter((a) => hasAnyRole(me, a.roles)).map((a) => (
        <Anchor key={a.to} component={Link} to={a.to} {...link}>
          {t(a.key)}
        </Anchor>
      ))}
      {me ? (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="white" data-testid="current-user">
            {me.fullName}
          </Text>
          <Button
            size="compact-sm"
            variant="white"
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
          >
            {t('nav.logout')}
          </Button>
        </Group>
      ) : (
        <Button component={Link} to="/dang-nhap" size="compact-sm" variant="white">
          {t('nav.login')}
        </Button>
      )}
    </Group>
  );
}
