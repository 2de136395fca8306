/** Sign in with username (or CCCD) and password, or with VNeID; goes back to where the visitor came from. */
import {
  Alert,
  Button,
  Container,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { homeOf, useLogin, useSignInProviders } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The login page. */
export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const vneid = useSignInProviders().data?.find((p) => p.kind === 'redirect' && p.startUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: (me) => void navigate(params.get('next') ?? homeOf(me), { replace: true }) },
    );
  };

  return (
    <Container size="xs" py="xl">
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit}>
          <Stack>
            <Title order={2}>{t('auth.title')}</Title>
            <ErrorAlert error={login.error} title={t('auth.failed')} />
            {params.get('error') && <Alert color="red">{t('auth.vneidFailed')}</Alert>}
            <TextInput
              label={t('auth.username')}
              description={t('auth.usernameHint')}
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.submit')}
            </Button>
            {vneid?.startUrl && (
              <>
                <Divider label={t('auth.or')} />
                <Button
                  component="a"
                  variant="outline"
                  href={`${vneid.startUrl}?returnTo=${encodeURIComponent(params.get('next') ?? '/')}`}
                >
                  {t('auth.vneid')}
                </Button>
              </>
            )}
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
