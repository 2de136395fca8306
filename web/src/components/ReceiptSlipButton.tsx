/**
 * "In giấy tiếp nhận có mã tra cứu": Mẫu 01 with the tracking secret, rendered by the API while the secret is still
 * known (right after a submission), opened in a new tab to print, or downloaded when the browser blocks the tab.
 */
import { Button, Stack, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchReceiptSlip } from '../api/dossiers';
import { openBlankTab, showPdf } from './download';
import { ErrorAlert } from './ErrorAlert';

/** The button, with the API's message when the slip cannot be made. */
export function ReceiptSlipButton({
  code,
  secret,
  ...button
}: { code: string; secret: string } & ButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const print = async () => {
    setBusy(true);
    setError(null);
    const tab = openBlankTab();
    try {
      showPdf(await fetchReceiptSlip(code, secret), `mau-01-${code}.pdf`, tab);
    } catch (e) {
      tab?.close();
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Button {...button} loading={busy} onClick={() => void print()} data-testid="receipt-slip">
        {t('receipt.printSlip')}
      </Button>
      <ErrorAlert error={error} title={t('receipt.slipFailed')} />
    </Stack>
  );
}
