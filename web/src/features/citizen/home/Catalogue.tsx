/** The catalogue: facet filters (agency, field, level) and the matching procedures, paged; state in the URL. */
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useProcedureSearch } from '../../../api/catalogue';
import type { FacetValue, ProcedureSummary } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';

const FACETS = [
  { param: 'agency', facet: 'agencies' },
  { param: 'field', facet: 'fields' },
  { param: 'level', facet: 'levels' },
] as const;

/** Search results with filters. */
export function Catalogue() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? undefined,
    agency: params.get('agency') ?? undefined,
    field: params.get('field') ?? undefined,
    level: params.get('level') ?? undefined,
    page: Number(params.get('page') ?? 1),
  };
  const { data, error, isPending } = useProcedureSearch(filters);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  const options = (values: FacetValue[] | undefined) =>
    (values ?? []).map((v) => ({ value: v.value, label: `${v.label} (${v.count})` }));

  return (
    <Stack gap="md" component="section" aria-labelledby="catalogue-heading">
      <Title order={2} size="h3" id="catalogue-heading">
        {t('catalogue.heading')}
      </Title>
      <Grid>
        {FACETS.map(({ param, facet }) => (
          <Grid.Col key={param} span={{ base: 12, sm: 4 }}>
            <Select
              label={t(`catalogue.filter.${param}`)}
              placeholder={t('catalogue.all')}
              data={options(data?.facets?.[facet])}
              value={params.get(param)}
              onChange={(v) => set(param, v)}
              clearable
              searchable
            />
          </Grid.Col>
        ))}
      </Grid>
      <ErrorAlert error={error} />
      {isPending && <Skeleton height={120} />}
      {data && (
        <Text size="sm" c="gray.7" aria-live="polite">
          {t('catalogue.count', { count: data.total })}
        </Text>
      )}
      {data?.items.length === 0 && <Alert color="gray">{t('catalogue.empty')}</Alert>}
      <Stack gap="sm">
        {data?.items.map((p) => (
          <ProcedureCard key={p.id} procedure={p} />
        ))}
      </Stack>
      {data && data.total > data.pageSize && (
        <Pagination
          total={Math.ceil(data.total / data.pageSize)}
          value={data.page}
          onChange={(p) => set('page', String(p))}
          getControlProps={(control) => ({ 'aria-label': t(`catalogue.page.${control}`) })}
        />
      )}
    </Stack>
  );
}

function ProcedureCard({ procedure: p }: { procedure: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="article">
      <Anchor component={Link} to={`/thu-tuc/${p.id}`} fw={600} size="lg">
        {p.name}
      </Anchor>
      <Text size="sm" c="dark.6">
        {p.agency.name} · {p.field}
      </Text>
      <Group gap="xs" mt="xs">
        <Badge variant="light" color="blue">
          {t('catalogue.level', { level: p.serviceLevel })}
        </Badge>
        {p.daysOnline !== null && (
          <Badge variant="light" color="gray" c="dark.7">
            {t(p.dayKind === 'calendar' ? 'catalogue.days' : 'catalogue.workingDays', {
              count: p.daysOnline,
            })}
          </Badge>
        )}
        {p.channels.includes('online') && (
          <Badge variant="light" color="green" c="green.9">
            {t('catalogue.online')}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
