/**
 * Mẫu 06 (Sổ theo dõi hồ sơ) download: an agency, a period (default: the current month, Vietnam time) and the PDF;
 * a refused period shows the API's Vietnamese message. Officers pick among their agencies, managers among all.
 */
import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../../api/admin';
import { fetchRegister } from '../../../api/dossiers';
import { downloadBlob } from '../../../components/download';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** First and last day (YYYY-MM-DD) of the month of `now` in Vietnam. */
export function currentMonth(now = new Date()): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  return { from: `${today.slice(0, 7)}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

/** The panel; `agencies` limits the choice (an officer's agencies), absent: every agency (managers, admins). */
export function RegisterPanel({ agencies }: { agencies?: string[] }) {
  const { t } = useTranslation();
  const all = useAgencies();
  const choices = (agencies ?? all.data?.map((a) => a.code) ?? []).map((code) => ({
    value: code,
    label: all.data?.find((a) => a.code === code)?.name ?? code,
  }));
  const [picked, setPicked] = useState<string | null>(agencies?.[0] ?? null);
  const agency = picked ?? (agencies?.length === 1 ? agencies[0]! : null);
  const [period, setPeriod] = useState(currentMonth);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    if (!agency) return;
    setBusy(true);
    setError(null);
    try {
      downloadBlob(
        await fetchRegister(agency, period.from, period.to),
        `mau-06-${agency}-${period.from}-${period.to}.pdf`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="register-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="register-heading">
          {t('register.title')}
        </Title>
        <Text size="sm" c="dark.6">
          {t('register.hint')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          {choices.length === 1 && agencies ? (
            <Text size="sm">
              {t('register.agency')}: <strong>{choices[0]!.label}</strong>
            </Text>
          ) : (
            <Select
              label={t('register.agency')}
              placeholder={t('register.pickAgency')}
              searchable
              data={choices}
              value={agency}
              onChange={setPicked}
              miw={320}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput
            type="date"
            label={t('register.from')}
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('register.to')}
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
          />
          <Button onClick={() => void download()} loading={busy} disabled={!agency}>
            {t('register.download')}
          </Button>
        </Group>
        <ErrorAlert error={error} title={t('register.failed')} />
      </Stack>
    </Paper>
  );
}
