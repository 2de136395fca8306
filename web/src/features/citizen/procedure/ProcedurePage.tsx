/** Everything published about one procedure: documents, fees, time limit, forms, legal basis, channel and level. */
import {
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProcedure } from '../../../api/catalogue';
import type { ProcedureDetail } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatVnd } from '../../../components/format';

/** Procedure detail page (level 1 and 2 information) with the button to apply online (level 3+). */
export default function ProcedurePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: p, error, isPending } = useProcedure(id);
  return (
    <Container size="lg" py="xl">
      <ErrorAlert error={error} />
      {isPending && <Skeleton height={300} />}
      {p && (
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={2}>{p.name}</Title>
            <Text>{p.agency.name}</Text>
            <Group gap="xs">
              <Badge color="blue" variant="light">
                {t('catalogue.level', { level: p.serviceLevel })}
              </Badge>
              {(p.nationalCode ?? p.localCode) && (
                <Badge color="gray" variant="light" c="dark.7">
                  {p.nationalCode ?? p.localCode}
                </Badge>
              )}
            </Group>
          </Stack>
          {p.serviceLevel >= 3 && p.channels.includes('online') && (
            <Group>
              <Button component={Link} to={`/thu-tuc/${p.id}/nop-ho-so`} size="md">
                {t('procedure.applyOnline')}
              </Button>
            </Group>
          )}
          <Facts p={p} />
          <Section title={t('procedure.documents')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('procedure.documentName')}</Table.Th>
                  <Table.Th>{t('procedure.required')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.documents.map((d) => (
                  <Table.Tr key={d.name}>
                    <Table.Td>
                      {d.name}
                      {d.note && (
                        <Text size="sm" c="gray.7">
                          {d.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{d.required ? t('common.yes') : t('common.no')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          {p.forms.length > 0 && (
            <Section title={t('procedure.forms')}>
              <List>
                {p.forms.map((f) => (
                  <List.Item key={f.id}>
                    <Anchor href={`/api/procedures/${p.id}/forms/${f.id}`} download>
                      {f.fileName}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Section>
          )}
          <Section title={t('procedure.legalBasis')}>
            <List>
              {p.legalBasis.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </Section>
        </Stack>
      )}
    </Container>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Facts({ p }: { p: ProcedureDetail }) {
  const { t, i18n } = useTranslation();
  const days = (n: number | null) =>
    n === null ? '—' : t(p.dayKind === 'calendar' ? 'catalogue.days' : 'catalogue.workingDays', { count: n });
  const fees = p.fees.length
    ? p.fees
        .map(
          (f) =>
            `${f.description ?? t(`procedure.feeKind.${f.kind}`)}: ${formatVnd(f.amount, i18n.language)}`,
        )
        .join('; ')
    : t('procedure.noFee');
  const rows: [string, string][] = [
    [
      t('procedure.timeLimit'),
      `${days(p.daysOnline)} (${t('procedure.online')}), ${days(p.daysPaper)} (${t('procedure.paper')})`,
    ],
    [t('procedure.fees'), fees],
    [
      t('procedure.channels'),
      p.channels.map((c) => t(`procedure.channel.${c}`, { defaultValue: c })).join(', '),
    ],
    [t('procedure.applicants'), p.applicantTypes.join(', ') || '—'],
    [t('procedure.result'), p.result ?? '—'],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={{ base: 120, sm: 220 }}>{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
