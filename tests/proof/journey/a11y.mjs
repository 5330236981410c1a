// Accessibility of the journey's pages, in English and in Korean: axe-core on each page
// (any serious or critical violation fails), and the login and application forms done with
// the keyboard alone, checking on the way that every focused element shows its focus.
//
// Usage: node a11y.mjs BASE_URL SCREENSHOT_DIR   (writes a11y-report.json there)

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  COORDINATOR, PASSWORD, TRAINER, args, expect, expectFlash, expectLang, follow, launch, login, person,
  printSwitcherProblems, t, useLanguage,
} from './lib.mjs';

const { base, shots } = args();
const EDITION = 'itw-2027';
// A demo participant of 2027 who also holds a 2019 certificate (issued on first look).
const LEARNER = 'li.ming@demo.wta-academy.org';
// Demo people who may still apply to 2027: one per language, since each applies once.
const APPLICANTS = { en: 'amara@demo.wta-academy.org', ko: 'somchai@demo.wta-academy.org' };
// Another who may apply, only looked at (the form is not sent).
const SPARE_APPLICANT = 'dilnoza@demo.wta-academy.org';
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];
const FAILING = ['critical', 'serious'];

const report = { pages: [], keyboard: [] };
let failures = 0;

async function axe(lang, name, page) {
  await expectLang(page, lang);
  const results = await new AxeBuilder({ page }).analyze();
  const counts = Object.fromEntries(IMPACTS.map((i) => [i, 0]));
  const nodes = Object.fromEntries(IMPACTS.map((i) => [i, 0]));
  for (const v of results.violations) {
    counts[v.impact] += 1;
    nodes[v.impact] += v.nodes.length;
  }
  const bad = results.violations.filter((v) => FAILING.includes(v.impact));
  const path = new URL(page.url()).pathname;
  const figures = IMPACTS.map((i) => `${i} ${counts[i]}${nodes[i] ? ` (${nodes[i]} nodes)` : ''}`).join(' · ');
  console.log(`  ${bad.length ? '✗' : '✓'} axe [${lang}] ${name.padEnd(36)} ${path.padEnd(44)} ${figures}`);
  for (const v of results.violations) {
    const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 6).join(' | ');
    const more = v.nodes.length > 6 ? ` | … ${v.nodes.length - 6} more` : '';
    if (FAILING.includes(v.impact)) {
      console.log(`      ${v.impact.toUpperCase()} ${v.id}: ${v.help}\n        targets: ${targets}${more}\n        ${v.helpUrl}`);
    } else {
      console.log(`      (${v.impact}) ${v.id}: ${v.help} [${targets}${more}]`);
    }
  }
  failures += bad.length;
  report.pages.push({
    lang, name, path, counts,
    violations: results.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(' ')), summary: v.nodes[0]?.failureSummary,
    })),
  });
}

/** What has the focus, and whether it shows (an outline or a box shadow). */
function focusState(selector) {
  const el = document.activeElement;
  if (!el || el === document.body) return { body: true, matches: false };
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const label = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 30);
  return {
    body: false,
    matches: selector ? el.matches(selector) : false,
    what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.name ? `[name=${el.name}]` : ''}${label ? ` "${label}"` : ''}`,
    visible: outline || shadow,
    style: `outline ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow ${cs.boxShadow}`,
  };
}

/** Presses Tab (or Shift+Tab) until `selector` has the focus, noting every element on the way. */
async function tabTo(page, selector, seen, { back = false, max = 90 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await page.evaluate(focusState, selector);
    if (!f.body) seen.push(f);
    if (f.matches) return f;
  }
  throw new Error(`${selector} not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'} on ${page.url()}`);
}

/** Presses a key that loads a new document and waits for it. */
async function pressAndWait(page, key) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press(key)]);
}

async function keyboardCheck(lang, name, fn) {
  const seen = [];
  try {
    const detail = await fn(seen);
    const hidden = seen.filter((f) => !f.visible);
    const unique = [...new Map(seen.map((f) => [f.what, f])).values()];
    if (hidden.length) {
      failures += 1;
      console.log(`  ✗ keyboard [${lang}] ${name}: ${detail}; focus NOT visible on ${[...new Set(hidden.map((f) => f.what))].join(', ')}`);
      for (const f of hidden.slice(0, 5)) console.log(`      ${f.what}: ${f.style}`);
    } else {
      console.log(`  ✓ keyboard [${lang}] ${name}: ${detail}; focus visible on all ${unique.length} elements reached (${seen.length} key presses)`);
    }
    report.keyboard.push({ lang, name, ok: hidden.length === 0, detail, focused: unique.length, hidden: hidden.map((f) => f.what) });
  } catch (e) {
    failures += 1;
    console.log(`  ✗ keyboard [${lang}] ${name}: ${e.message.split('\n')[0]}`);
    report.keyboard.push({ lang, name, ok: false, error: e.message });
  }
}

async function run(browser, lang) {
  console.log(`\n== accessibility in ${lang === 'en' ? 'English' : 'Korean'}`);
  const visitor = await person(browser, lang);
  const learner = await person(browser, lang);
  const applicant = await person(browser, lang);
  const trainer = await person(browser, lang);
  const coordinator = await person(browser, lang);
  try {
    // Keyboard first, so that the application form is seen before it is sent.
    const email = APPLICANTS[lang];
    await keyboardCheck(lang, 'login form', async (seen) => {
      await applicant.goto(`${base}/login`);
      await expectLang(applicant, lang);
      await tabTo(applicant, '#email', seen);
      await applicant.keyboard.type(email);
      await tabTo(applicant, '#password', seen);
      await applicant.keyboard.type(PASSWORD);
      await applicant.screenshot({ path: join(shots, `${lang}-kb-01-login.png`), fullPage: true });
      await pressAndWait(applicant, 'Enter');
      expect(new URL(applicant.url()).pathname !== '/login', 'still on the login page');
      expect(await applicant.locator('header form[action="/logout"]').count() === 1, 'not signed in');
      let switched = '';
      if ((await applicant.evaluate(() => document.documentElement.lang)) !== lang) {
        // The profile's language wins over the browser's once signed in; the switcher is a row
        // of buttons, so it is reached and pressed like the rest.
        await tabTo(applicant, `.lang-switch button[value="${lang}"]`, seen);
        await pressAndWait(applicant, 'Enter');
        switched = `, then switched the interface to "${lang}"`;
      }
      await expectLang(applicant, lang);
      return `signed in as ${email} with Tab, typing and Enter${switched}`;
    });

    await keyboardCheck(lang, 'application form', async (seen) => {
      await applicant.goto(`${base}/editions/${EDITION}`);
      await tabTo(applicant, `#apply a.button[href$="/application"]`, seen);
      await pressAndWait(applicant, 'Enter');
      await expectLang(applicant, lang);
      await axe(lang, 'application form', applicant);
      // Sent without a motivation first: the page must keep the rest and say what to fix.
      await tabTo(applicant, '#certificate_name_latin', seen);
      const latin = await applicant.inputValue('#certificate_name_latin');
      await tabTo(applicant, '#motivation', seen);
      await tabTo(applicant, 'form[action$="/application"] button[type=submit]', seen);
      await pressAndWait(applicant, 'Enter');
      const error = (await applicant.locator('#motivation-error').textContent()).trim();
      expect(error === t(lang, 'err-motivation-required'), `the motivation error reads "${error}"`);
      expect(await applicant.inputValue('#certificate_name_latin') === latin, 'the certificate name was lost');
      await axe(lang, 'application form, with error', applicant);
      await tabTo(applicant, '#motivation', seen);
      await applicant.keyboard.type('I run the start-up programme of a science park and want to learn from Daedeok.');
      await tabTo(applicant, 'input[name=consent_listed]', seen);
      await applicant.keyboard.press('Space');
      expect(await applicant.isChecked('input[name=consent_listed]'), 'Space did not tick the box');
      // Back and forth: Shift+Tab returns to the text just typed.
      await tabTo(applicant, '#motivation', seen, { back: true });
      await tabTo(applicant, 'form[action$="/application"] button[type=submit]', seen);
      await applicant.screenshot({ path: join(shots, `${lang}-kb-02-application.png`), fullPage: true });
      await pressAndWait(applicant, 'Space');
      await expectFlash(applicant, lang, 'flash-application-sent');
      const hint = await applicant.locator('#motivation').getAttribute('aria-describedby');
      return `sent with Tab, Shift+Tab, typing, Space and Enter (error shown next to the field${hint ? '' : ', though not tied to it by aria-describedby'})`;
    });

    await axe(lang, 'login form', await fresh(visitor, '/login'));
    await axe(lang, 'sign-up form', await fresh(visitor, '/signup'));
    await axe(lang, 'catalogue', await fresh(visitor, '/catalogue'));
    await axe(lang, 'edition (visitor)', await fresh(visitor, `/editions/${EDITION}`));

    await login(learner, base, LEARNER);
    await useLanguage(learner, lang);
    await axe(lang, 'edition (participant)', await fresh(learner, `/editions/${EDITION}`));
    await follow(learner, learner.locator('#course .module-list a').first());
    await follow(learner, learner.locator('.lesson-list a').first());
    await axe(lang, 'lesson', learner);
    await axe(lang, 'survey form', await fresh(learner, `/editions/${EDITION}/survey`));
    await axe(lang, 'my certificates', await fresh(learner, '/my/certificates'));
    const verify = await learner.locator('section.certificate-valid a[href^="/verify/"]').first().getAttribute('href');
    await axe(lang, 'certificate verification', await fresh(visitor, verify));

    await login(trainer, base, TRAINER);
    await useLanguage(trainer, lang);
    await fresh(trainer, `/manage/editions/${EDITION}/sessions`);
    await follow(trainer, trainer.locator('ul.sessions a[href$="/attendance"]').first());
    await axe(lang, 'roster (attendance)', trainer);
    await axe(lang, 'materials (trainer)', await fresh(trainer, `/manage/editions/${EDITION}/materials`));

    await login(coordinator, base, COORDINATOR);
    await useLanguage(coordinator, lang);
    await axe(lang, 'reports dashboard', await fresh(coordinator, '/manage/reports'));
    await axe(lang, 'edition report', await fresh(coordinator, `/manage/reports/editions/${EDITION}`));
    await axe(lang, 'applications queue', await fresh(coordinator, `/manage/editions/${EDITION}/applications`));
    await axe(lang, 'certificate desk', await fresh(coordinator, `/manage/editions/${EDITION}/certificates`));
  } catch (e) {
    failures += 1;
    console.log(`  ✗ [${lang}] the accessibility run stopped: ${e.message.split('\n')[0]}`);
  } finally {
    for (const p of [visitor, learner, applicant, trainer, coordinator]) await p.context().close().catch(() => {});
  }
}

// Participants read on phones, trainers take attendance on tablets: narrow screens make
// tables scroll and wrap text, which a desktop pass does not see.
async function smallScreens(browser, lang) {
  console.log(`\n== accessibility on a phone and a tablet in ${lang === 'en' ? 'English' : 'Korean'}`);
  const visitor = await person(browser, lang, 'Asia/Ho_Chi_Minh', 'phone');
  const learner = await person(browser, lang, 'Asia/Ho_Chi_Minh', 'phone');
  const applicant = await person(browser, lang, 'Asia/Tashkent', 'phone');
  const trainer = await person(browser, lang, 'Asia/Seoul', 'tablet');
  try {
    await axe(lang, 'catalogue · phone', await fresh(visitor, '/catalogue'));
    await axe(lang, 'edition (visitor) · phone', await fresh(visitor, `/editions/${EDITION}`));
    await login(learner, base, LEARNER);
    await useLanguage(learner, lang);
    await axe(lang, 'edition (participant) · phone', await fresh(learner, `/editions/${EDITION}`));
    await follow(learner, learner.locator('#course .module-list a').first());
    await follow(learner, learner.locator('.lesson-list a').first());
    await axe(lang, 'lesson · phone', learner);
    await fresh(learner, '/my/certificates');
    const verify = await learner.locator('section.certificate-valid a[href^="/verify/"]').first().getAttribute('href');
    await axe(lang, 'certificate verification · phone', await fresh(visitor, verify));
    await login(applicant, base, SPARE_APPLICANT);
    await useLanguage(applicant, lang);
    await axe(lang, 'application form · phone', await fresh(applicant, `/editions/${EDITION}/application`));
    await login(trainer, base, TRAINER);
    await useLanguage(trainer, lang);
    await fresh(trainer, `/manage/editions/${EDITION}/sessions`);
    await follow(trainer, trainer.locator('ul.sessions a[href$="/attendance"]').first());
    await axe(lang, 'roster (attendance) · tablet', trainer);
  } catch (e) {
    failures += 1;
    console.log(`  ✗ [${lang}] the small-screen run stopped: ${e.message.split('\n')[0]}`);
  } finally {
    for (const p of [visitor, learner, applicant, trainer]) await p.context().close().catch(() => {});
  }
}

async function fresh(page, path) {
  await page.goto(`${base}${path}`);
  return page;
}

const browser = await launch();
try {
  for (const lang of ['en', 'ko']) {
    await run(browser, lang);
    await smallScreens(browser, lang);
  }
} finally {
  await browser.close();
}
writeFileSync(join(shots, 'a11y-report.json'), JSON.stringify(report, null, 2));
console.log('');
printSwitcherProblems();
const worst = report.pages.filter((p) => p.counts.critical + p.counts.serious > 0);
console.log(`accessibility: ${report.pages.length} page checks, ${worst.length} with serious or critical violations; `
  + `keyboard checks ${report.keyboard.filter((k) => k.ok).length}/${report.keyboard.length} passed`);
console.log(`accessibility report: ${join(shots, 'a11y-report.json')}`);
process.exit(failures ? 1 : 0);
