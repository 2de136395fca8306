/**
 * The holiday calendar for administrators: pick a year, add or remove rows (date + name) and save the whole list
 * with PUT /api/calendar/holidays/:year, which replaces the year's holidays (the deadlines use them at once).
 */
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHolidays, useSaveHolidays, type Holiday } from '../../api/admin';
import { ErrorAlert } from '../../components/ErrorAlert';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ROWS = 100;
const MAX_NAME = 200;

interface Row extends Holiday {
  key: number;
}

interface RowErrors {
  date?: string;
  name?: string;
}

/** The Holidays tab: a year picker and the editor of that year. */
export function HolidaysPanel() {
  const { t } = useTranslation();
  const current = new Date().getFullYear();
  const [year, setYear] = useState(current);
  const { data, isError, isPending } = useHolidays(year);
  const years = Array.from(new Set([current - 1, current, current + 1, current + 2, year])).sort(
    (a, b) => a - b,
  );
  return (
    <Stack>
      <NativeSelect
        label={t('admin.year')}
        data={years.map((y) => ({ value: String(y), label: String(y) }))}
        value={String(year)}
        onChange={(e) => setYear(Number(e.currentTarget.value))}
        maw={200}
      />
      {isError ? (
        <Alert color="gray">{t('admin.holidaysUnavailable')}</Alert>
      ) : isPending ? null : (
        <HolidayEditor key={year} year={year} initial={data} />
      )}
    </Stack>
  );
}

/** Edits one year's holidays, starting from `initial`. */
export function HolidayEditor({ year, initial }: { year: number; initial: Holiday[] }) {
  const { t } = useTranslation();
  const nextKey = useRef(0);
  const withKeys = (list: Holiday[]): Row[] =>
    list.map((h) => ({ date: h.date, name: h.name, key: nextKey.current++ }));
  const [rows, setRows] = useState<Row[]>(() => withKeys(initial));
  const [errors, setErrors] = useState<Record<number, RowErrors>>({});
  const [listError, setListError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSaveHolidays();

  const edit = (key: number, patch: Partial<Holiday>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setErrors((e) => ({
      ...e,
      [key]: { ...e[key], ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) },
    }));
    setSaved(false);
  };

  const add = () => {
    setRows((rs) => [...rs, { date: '', name: '', key: nextKey.current++ }]);
    setListError(null);
    setSaved(false);
  };

  const remove = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setListError(null);
    setSaved(false);
  };

  const validate = (): Record<number, RowErrors> => {
    const found: Record<number, RowErrors> = {};
    const seen = new Set<string>();
    for (const r of rows) {
      const e: RowErrors = {};
      if (r.date === '') e.date = t('admin.form.required');
      else if (!DATE.test(r.date) || Number.isNaN(Date.parse(r.date))) e.date = t('admin.form.invalidDate');
      else if (!r.date.startsWith(`${year}-`)) e.date = t('admin.holidayWrongYear', { year });
      else if (seen.has(r.date)) e.date = t('admin.holidayDuplicate');
      seen.add(r.date);
      if (r.name.trim() === '') e.name = t('admin.form.required');
      else if (r.name.trim().length > MAX_NAME) e.name = t('admin.holidayNameTooLong');
      if (e.date || e.name) found[r.key] = e;
    }
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.reset();
    setSaved(false);
    const found = validate();
    setErrors(found);
    const tooMany = rows.length > MAX_ROWS;
    setListError(tooMany ? t('admin.tooManyHolidays') : null);
    if (tooMany || Object.keys(found).length > 0) return;
    save.mutate(
      { year, holidays: rows.map((r) => ({ date: r.date, name: r.name.trim() })) },
      {
        onSuccess: (stored) => {
          setRows(withKeys(stored));
          setErrors({});
          setSaved(true);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin.holidays')}>
      <Paper withBorder p="md">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('admin.holidaysHint')}
          </Text>
          {rows.length === 0 && <Text>{t('admin.noHolidays')}</Text>}
          {rows.map((r, i) => (
            <Group key={r.key} align="flex-start" wrap="wrap">
              <TextInput
                type="date"
                label={t('admin.holidayDate', { n: i + 1 })}
                value={r.date}
                min={`${year}-01-01`}
                max={`${year}-12-31`}
                onChange={(e) => edit(r.key, { date: e.currentTarget.value })}
                error={errors[r.key]?.date}
                required
                w={200}
              />
              <TextInput
                label={t('admin.holidayName', { n: i + 1 })}
                value={r.name}
                maxLength={MAX_NAME}
                onChange={(e) => edit(r.key, { name: e.currentTarget.value })}
                error={errors[r.key]?.name}
                required
                style={{ flex: 1, minWidth: 240 }}
              />
              <Button variant="subtle" color="red" mt={25} onClick={() => remove(r.key)}>
                {t('admin.removeHoliday', { n: i + 1 })}
              </Button>
            </Group>
          ))}
          {listError && (
            <Text size="sm" c="red" role="alert">
              {listError}
            </Text>
          )}
          <ErrorAlert error={save.error} />
          {saved && (
            <Text c="teal.9" role="status">
              {t('admin.holidaysSaved', { year })}
            </Text>
          )}
          <Group>
            <Button variant="light" onClick={add} disabled={save.isPending}>
              {t('admin.addHoliday')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('admin.saveHolidays', { year })}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
