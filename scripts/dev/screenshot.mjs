import { chromium } from '@playwright/test';
const [url, out, loginName, password, hash] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
await page.goto(url);
if (loginName) {
  await page.getByLabel('NIP atau nama pengguna').fill(loginName);
  await page.getByLabel(/^Kata sandi/).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('user-menu').waitFor();
}
if (hash) { await page.goto(url + '#' + hash); await page.waitForTimeout(1000); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();
