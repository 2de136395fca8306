/** Guards a page: visitors go to login (and come back), accounts without the role see a refusal. */
import { Alert, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { hasAnyRole, useMe } from '../api/auth';
import { PageLoader } from './PageLoader';

/** Renders `children` only for an account holding one of `roles`. */
export function RequireRole({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending } = useMe();
  if (isPending) return <PageLoader />;
  if (!me)
    return (
      <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  if (!hasAnyRole(me, roles))
    return (
      <Container size="sm" py="xl">
        <Alert color="red" role="alert" title={t('auth.forbiddenTitle')}>
          {t('auth.forbidden')}
        </Alert>
      </Container>
    );
  return <>{children}</>;
}
