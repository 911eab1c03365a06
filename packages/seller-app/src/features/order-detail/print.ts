import * as Print from 'expo-print';

/** Opens the phone's print dialog (AirPrint, Android's print service, a Bluetooth printer's app) with the page. */
export async function printHtml(html: string): Promise<void> {
  await Print.printAsync({ html });
}
