/**
 * Create an account, or change one: identity fields, account roles, agency memberships, password reset, and
 * disable / enable. Field checks mirror the API schema; the API's own errors (Vietnamese message_vi) are shown
 * on the field they concern, or in an alert above the buttons.
 */
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_ROLES,
  OFFICER_ROLES,
  useCreateAccount,
  useDisableAccount,
  useUpdateAccount,
  type AccountCreateInput,
  type AccountUpdateInput,
} from '../../api/admin';
import type { Account, Agency } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldErrors } from './useFieldErrors';

const FIELDS = [
  'username',
  'fullName',
  'email',
  'phone',
  'citizenId',
  'password',
  'roles',
  'memberships',
] as const;
type Field = (typeof FIELDS)[number];
type Membership = { agencyCode: string; role: string };

interface Values {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  citizenId: string;
  password: string;
  roles: string[];
  memberships: Membership[];
}

const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 .-]{8,15}$/;
const CITIZEN_ID = /^[0-9]{12}$/;

function initial(account?: Account): Values {
  return {
    username: account?.username ?? '',
    fullName: account?.fullName ?? '',
    email: account?.email ?? '',
    phone: account?.phone ?? '',
    citizenId: account?.citizenId ?? '',
    password: '',
    roles: account ? [...account.roles] : [],
    memberships: account ? account.memberships.map((m) => ({ ...m })) : [],
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The account form; `account` switches it to editing. `onDone` receives the saved account. */
export function AccountForm({
  account,
  agencies,
  onDone,
  onCancel,
}: {
  account?: Account;
  agencies: Agency[];
  onDone: (saved: Account) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initial(account));
  const { errors, alertError, clear, check, onError, hideAlert } = useFieldErrors(FIELDS);
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const disable = useDisableAccount();
  const busy = create.isPending || update.isPending || disable.isPending;
  const editing = account !== undefined;
  const passwordId = useId();

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    clear(key);
  };
  const setMembership = (index: number, patch: Partial<Membership>) =>
    set(
      'memberships',
      values.memberships.map((m, i) => (i === index ? { ...m, ...patch } : m)),
    );

  const validate = (): Partial<Record<Field, string>> => {
    const e: Partial<Record<Field, string>> = {};
    if (!editing && !USERNAME.test(values.username)) e.username = t('admin.form.invalidUsername');
    if (values.fullName.trim() === '') e.fullName = t('admin.form.required');
    if (values.email.trim() && !EMAIL.test(values.email.trim())) e.email = t('admin.form.invalidEmail');
    if (values.phone.trim() && !PHONE.test(values.phone.trim())) e.phone = t('admin.form.invalidPhone');
    if (values.citizenId.trim() && !CITIZEN_ID.test(values.citizenId.trim()))
      e.citizenId = t('admin.form.invalidCitizenId');
    if (!editing && values.password === '') e.password = t('admin.form.required');
    if (values.memberships.some((m) => m.agencyCode === ''))
      e.memberships = t('admin.form.chooseAgencyError');
    return e;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check(validate())) return;
    if (!account) {
      const body: AccountCreateInput = {
        username: values.username,
        fullName: values.fullName.trim(),
        password: values.password,
        roles: values.roles,
        memberships: values.memberships,
      };
      for (const key of ['email', 'phone', 'citizenId'] as const) {
        const value = orNull(values[key]);
        if (value !== null) body[key] = value;
      }
      create.mutate(body, { onSuccess: onDone, onError });
      return;
    }
    const before = initial(account);
    const body: AccountUpdateInput = {};
    if (values.fullName.trim() !== before.fullName) body.fullName = values.fullName.trim();
    for (const key of ['email', 'phone', 'citizenId'] as const) {
      if (orNull(values[key]) !== orNull(before[key])) body[key] = orNull(values[key]);
    }
    if (!same([...values.roles].sort(), [...before.roles].sort())) body.roles = values.roles;
    if (!same(values.memberships, before.memberships)) body.memberships = values.memberships;
    if (values.password !== '') body.password = values.password;
    if (Object.keys(body).length === 0) {
      onDone(account);
      return;
    }
    update.mutate({ id: account.id, body }, { onSuccess: onDone, onError });
  };

  const toggleDisabled = () => {
    if (!account) return;
    hideAlert();
    if (account.disabled)
      update.mutate({ id: account.id, body: { disabled: false } }, { onSuccess: onDone, onError });
    else disable.mutate(account.id, { onSuccess: onDone, onError });
  };

  const agencyOptions = [
    { value: '', label: t('admin.form.chooseAgency') },
    ...agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` })),
    // Keep a membership of an agency that is no longer in force visible.
    ...values.memberships
      .filter((m) => m.agencyCode && !agencies.some((a) => a.code === m.agencyCode))
      .map((m) => ({ value: m.agencyCode, label: m.agencyCode })),
  ];
  const roleOptions = OFFICER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={
        editing ? t('admin.form.editAccount', { username: account.username }) : t('admin.form.newAccount')
      }
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.form.username')}
            value={values.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={errors.username}
            required={!editing}
            disabled={editing}
            autoComplete="off"
            description={editing ? undefined : t('admin.form.usernameHint')}
          />
          <TextInput
            label={t('admin.fullName')}
            value={values.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.fullName}
            required
          />
          <TextInput
            label={t('admin.form.email')}
            type="email"
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t('admin.form.phone')}
            type="tel"
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={errors.phone}
          />
          <TextInput
            label={t('admin.form.citizenId')}
            inputMode="numeric"
            value={values.citizenId}
            onChange={(e) => set('citizenId', e.currentTarget.value)}
            error={errors.citizenId}
          />
          <PasswordInput
            label={editing ? t('admin.form.resetPassword') : t('admin.form.password')}
            description={t('admin.form.passwordHint')}
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.password}
            required={!editing}
            autoComplete="new-password"
            // PasswordInput leaves the ARIA wiring to its caller (withAria: false).
            id={passwordId}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={
              errors.password ? `${passwordId}-description ${passwordId}-error` : `${passwordId}-description`
            }
          />
        </SimpleGrid>

        <Checkbox.Group
          label={t('admin.form.accountRoles')}
          value={values.roles}
          onChange={(roles) => set('roles', roles)}
          error={errors.roles}
        >
          <Group mt="xs">
            {ACCOUNT_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
            ))}
          </Group>
        </Checkbox.Group>

        <Fieldset legend={t('admin.form.memberships')}>
          <Stack gap="xs">
            {values.memberships.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('admin.form.noMemberships')}
              </Text>
            )}
            {values.memberships.map((m, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <NativeSelect
                  label={t('admin.form.membershipAgency', { n: i + 1 })}
                  data={agencyOptions}
                  value={m.agencyCode}
                  onChange={(e) => setMembership(i, { agencyCode: e.currentTarget.value })}
                  style={{ flex: 2, minWidth: 240 }}
                />
                <NativeSelect
                  label={t('admin.form.membershipRole', { n: i + 1 })}
                  data={roleOptions}
                  value={m.role}
                  onChange={(e) => setMembership(i, { role: e.currentTarget.value })}
                  style={{ flex: 1, minWidth: 160 }}
                />
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    set(
                      'memberships',
                      values.memberships.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('admin.form.removeMembership', { n: i + 1 })}
                </Button>
              </Group>
            ))}
            {errors.memberships && (
              <Text size="sm" c="red" role="alert">
                {errors.memberships}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  set('memberships', [...values.memberships, { agencyCode: '', role: 'specialist' }])
                }
              >
                {t('admin.form.addMembership')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <ErrorAlert error={alertError} />
        {editing && account.disabled && <Alert color="gray">{t('admin.form.isDisabled')}</Alert>}

        <Group justify="space-between">
          <Group>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={busy}>
              {editing ? t('admin.form.save') : t('admin.form.create')}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel} disabled={busy}>
                {t('admin.form.cancel')}
              </Button>
            )}
          </Group>
          {editing && (
            <Button
              variant="outline"
              color={account.disabled ? 'teal' : 'red'}
              onClick={toggleDisabled}
              loading={disable.isPending}
              disabled={busy}
            >
              {account.disabled ? t('admin.form.enable') : t('admin.form.disable')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
