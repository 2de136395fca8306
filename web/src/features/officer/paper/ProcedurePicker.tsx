/** The agency (when the officer is at the desk of several) and one of its procedures, searched as typed. */
import { NativeSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../../api/admin';
import { useProcedureSearch } from '../../../api/catalogue';
import type { ProcedureSummary } from '../../../api/types';

interface Props {
  agencies: string[];
  agency: string;
  onAgency: (code: string) => void;
  procedure: ProcedureSummary | null;
  onProcedure: (p: ProcedureSummary | null) => void;
  error?: string;
}

/** Agency select (or its name) and the procedure search. */
export function ProcedurePicker({ agencies, agency, onAgency, procedure, onProcedure, error }: Props) {
  const { t } = useTranslation();
  const names = useAgencies();
  const nameOf = (code: string) => names.data?.find((a) => a.code === code)?.name ?? code;
  const [search, setSearch] = useState(procedure?.name ?? '');
  const [q] = useDebouncedValue(search, 250);
  const typed = q === procedure?.name ? '' : q;
  const results = useProcedureSearch({ q: typed.trim() || undefined, agency });
  const items = results.data?.items ?? [];
  const options = [...(procedure && !items.some((p) => p.id === procedure.id) ? [procedure] : []), ...items];
  return (
    <Stack gap="sm">
      {agencies.length > 1 ? (
        <NativeSelect
          label={t('paper.agency')}
          value={agency}
          onChange={(e) => {
            onAgency(e.currentTarget.value);
            onProcedure(null);
            setSearch('');
          }}
          data={agencies.map((code) => ({ value: code, label: nameOf(code) }))}
        />
      ) : (
        <Text size="sm">
          {t('paper.agency')}: <strong>{nameOf(agency)}</strong>
        </Text>
      )}
      <Select
        label={t('paper.procedure')}
        placeholder={t('paper.procedurePlaceholder')}
        withAsterisk
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        data={options.map((p) => ({ value: p.id, label: p.name }))}
        value={procedure?.id ?? null}
        onChange={(id) => onProcedure(options.find((p) => p.id === id) ?? null)}
        nothingFoundMessage={results.isFetching ? t('paper.searching') : t('paper.noProcedure')}
        error={error}
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
