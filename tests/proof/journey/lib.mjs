// Shared pieces of the browser proof: the browser, one context per person, the app's own
// messages (read from the translation files, so a check fails when a page is in the wrong
// language), steps that print ✓/✗, and screenshots.

import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const PASSWORD = 'Daejeon-Innopolis-2027';
export const COORDINATOR = 'coordinator@wta-academy.org';
export const TRAINER = 'trainer.park@wta-academy.org';

const here = dirname(fileURLToPath(import.meta.url));
const LOCALES = join(here, '..', '..', '..', 'src', 'i18n', 'locales');

export function args() {
  const [base, shots] = process.argv.slice(2);
  if (!base || !shots) {
    console.error(`usage: node ${process.argv[1]} BASE_URL SCREENSHOT_DIR`);
    process.exit(2);
  }
  return { base: base.replace(/\/$/, ''), shots };
}

// Simple Fluent messages only (one line, no selectors): enough for flashes and verdicts.
const catalogues = {};
function catalogue(lang) {
  if (!catalogues[lang]) {
    const messages = {};
    for (const file of readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.ftl'))) {
      for (const line of readFileSync(join(LOCALES, lang, file), 'utf8').split('\n')) {
        const m = /^([a-z0-9-]+) = (.+)$/.exec(line);
        if (m) messages[m[1]] = m[2].trim();
      }
    }
    catalogues[lang] = messages;
  }
  return catalogues[lang];
}

/** The text of message `key` in `lang`, with `{ $name }` replaced from `vars`. */
export function t(lang, key, vars = {}) {
  const text = catalogue(lang)[key];
  if (text === undefined) throw new Error(`no message ${key} in ${lang}`);
  return text.replace(/\{ \$([a-z_]+) \}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** Message `key` as a pattern: the placeables the test cannot know match any text. */
export function tPattern(lang, key) {
  const escaped = catalogue(lang)[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\\\{ \\\$[a-z_]+ \\\}/g, '.+?'));
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
}

export const DEVICES = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true },
};

/** A fresh context (its own cookies) whose browser asks for `lang`, as a person's browser would. */
export async function person(browser, lang, timezoneId = 'Asia/Seoul', device = 'desktop') {
  const context = await browser.newContext({
    locale: lang === 'ko' ? 'ko-KR' : 'en-US',
    timezoneId,
    ...DEVICES[device],
    acceptDownloads: true,
  });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

/** Clicks something that loads a new document and waits for it. */
export async function follow(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

export async function login(page, base, email, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await follow(page, page.locator('main form[action="/login"] button[type=submit]'));
  const path = new URL(page.url()).pathname;
  if (path === '/login') {
    const why = await page.locator('.form-error').textContent().catch(() => '');
    throw new Error(`login as ${email} refused: ${why}`);
  }
}

export const pageLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Uses the language switcher of the page (a cookie, and the profile when signed in). */
export async function useLanguage(page, lang) {
  if ((await pageLang(page)) !== lang) {
    await follow(page, page.locator(`.lang-switch button[value="${lang}"]`));
  }
  await expectLang(page, lang);
}

/** Pages whose language switcher is wrong, by path: noted, not failed, and printed at the end. */
export const switcherProblems = new Map();
const LANGUAGES = readdirSync(LOCALES).sort();

export async function expectLang(page, lang) {
  const got = await pageLang(page);
  if (got !== lang) throw new Error(`${page.url()} is in "${got}", expected "${lang}"`);
  // Everyone must be able to leave a page's language from any page.
  const { offered, current } = await page.evaluate(() => ({
    offered: [...document.querySelectorAll('.lang-switch button[name=lang]')].map((b) => b.value).sort(),
    current: document.querySelector('.lang-switch button[aria-current=true]')?.value || '',
  }));
  if (offered.join() !== LANGUAGES.join() || current !== lang) {
    switcherProblems.set(`${new URL(page.url()).pathname} (${lang})`,
      `offers [${offered.join(', ')}] instead of [${LANGUAGES.join(', ')}]; marked current: "${current}"`);
  }
}

export function printSwitcherProblems() {
  for (const [path, problem] of switcherProblems) console.log(`  ⚠ language switcher on ${path}: ${problem}`);
}

/** The flash message of the page, checked against message `key` of `lang`. */
export async function expectFlash(page, lang, key, kind = 'success') {
  const flash = page.locator('main > .flash').first();
  const text = ((await flash.textContent().catch(() => null)) || '').trim();
  const cls = (await flash.getAttribute('class').catch(() => '')) || '';
  const want = t(lang, key);
  if (text !== want || !cls.includes(`flash-${kind}`)) {
    throw new Error(`expected the ${kind} message "${want}" on ${page.url()}, found "${text}" (${cls})`);
  }
  return text;
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs named steps, printing one ✓/✗ line each; a failed step stops its run. */
export class Steps {
  constructor(prefix, shots) {
    this.prefix = prefix;
    this.shots = shots;
    this.passed = 0;
    this.failed = [];
    this.files = [];
  }

  async run(number, name, page, fn) {
    const label = `[${this.prefix}] ${number} ${name}`;
    const started = Date.now();
    try {
      const detail = await fn();
      const file = join(this.shots, `${this.prefix}-${number}-${name}.png`);
      await page().screenshot({ path: file, fullPage: true });
      this.files.push(file);
      this.passed += 1;
      console.log(`  ✓ ${label}${detail ? `: ${detail}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      this.failed.push(label);
      console.log(`  ✗ ${label}: ${e.message.split('\n')[0]}`);
      const file = join(this.shots, `${this.prefix}-${number}-${name}-FAILED.png`);
      await page()
        .screenshot({ path: file, fullPage: true })
        .then(() => console.log(`    the page at that moment: ${file} (${page().url()})`))
        .catch(() => {});
      throw e;
    }
  }
}
