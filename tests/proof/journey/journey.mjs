// The whole journey in a real browser, once in English and once in Korean, each with its own
// new participant: sign up and apply to the open edition; a coordinator accepts; a trainer
// uploads a material and takes attendance; the participant reads every lesson, downloads the
// material, answers the survey, downloads the certificate and verifies it; a coordinator
// revokes it and the verification page says so.
//
// Usage: node journey.mjs BASE_URL SCREENSHOT_DIR   (one PNG per step: en-01-signup.png, …)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COORDINATOR, Steps, TRAINER, args, expect, expectFlash, expectLang, follow, launch, login, person,
  printSwitcherProblems, t, tPattern, useLanguage,
} from './lib.mjs';

const { base, shots } = args();
const stamp = Date.now().toString(36);

// Names in their own scripts; the organisation tells each apart from the demo people of the
// same name already in the workshop.
const PEOPLE = {
  en: {
    email: `tran.thanh.liem.${stamp}@proof.wta-academy.org`,
    name: 'Trần Thanh Liêm',
    latin: 'Tran Thanh Liem',
    native: 'Trần Thanh Liêm',
    organisation: 'Binh Duong Science and Technology Park',
    orgType: 'stp',
    country: 'VN',
    position: 'Deputy director',
    timezoneId: 'Asia/Ho_Chi_Minh',
    motivation: 'Our province is planning a science park beside the new city centre. I want to learn how '
      + 'parks in Daejeon and elsewhere share governance between the city, universities and firms.',
    material: 'Reading list: governing science parks',
    file: 'Danh mục tài liệu – reading list.csv',
    feedback: 'Keep the site visits; more time with the park operators would help.',
    reason: 'Issued in error (journey proof)',
  },
  ko: {
    email: `heo.taejeong.${stamp}@proof.wta-academy.org`,
    name: '허태정',
    latin: 'Heo Tae-jeong',
    native: '허태정',
    organisation: '대전광역시 과학산업국',
    orgType: 'city-government',
    country: 'KR',
    position: '과학정책 주무관',
    timezoneId: 'Asia/Seoul',
    motivation: '대덕연구개발특구와 도시의 협력 거버넌스를 배우고, 우리 시의 과학단지 운영 계획에 반영하고자 지원합니다.',
    material: '읽기 자료 목록: 과학단지 거버넌스',
    file: '읽기 자료 목록.csv',
    feedback: '현장 방문을 유지하고, 운영 기관과의 대화 시간을 늘려 주십시오.',
    reason: '착오 발급 (여정 검증)',
  },
};

const PASSWORD_NEW = 'Innopolis-Proof-2027!';

async function journey(browser, lang) {
  const who = PEOPLE[lang];
  const steps = new Steps(lang, shots);
  const work = mkdtempSync(join(tmpdir(), `wta-journey-${lang}-`));
  const participant = await person(browser, lang, who.timezoneId);
  let trainer = null;
  let coordinator = null;
  let current = participant;
  const on = () => current;
  let slug = '';
  let editionUrl = '';
  let materialBytes = null;
  let code = '';
  let verifyUrl = '';
  console.log(`\n== journey in ${lang === 'en' ? 'English' : 'Korean'}: ${who.name} <${who.email}>`);
  try {
    await steps.run('01', 'signup', on, async () => {
      // From the catalogue to the edition that takes applications, then to the sign-up form.
      await participant.goto(`${base}/catalogue`);
      await expectLang(participant, lang);
      const open = participant.locator('.edition-list li.card:has(.badge-open) h4 a').first();
      editionUrl = new URL(await open.getAttribute('href'), base).href;
      slug = editionUrl.split('/').pop();
      await follow(participant, open);
      await follow(participant, participant.locator('header a[href="/signup"]'));
      await expectLang(participant, lang);
      await participant.fill('#email', who.email);
      await participant.fill('#display_name', who.name);
      await participant.fill('#password', PASSWORD_NEW);
      await participant.fill('#password_confirm', PASSWORD_NEW);
      await follow(participant, participant.locator('main form[action="/signup"] button[type=submit]'));
      await expectFlash(participant, lang, 'flash-signed-up');
      return `account made in "${lang}" (from the browser's Accept-Language); open edition: ${slug}`;
    });

    await steps.run('02', 'apply', on, async () => {
      await participant.goto(editionUrl);
      await follow(participant, participant.locator(`#apply a.button[href="/editions/${slug}/application"]`));
      await expectLang(participant, lang);
      await participant.fill('#certificate_name_latin', who.latin);
      await participant.fill('#certificate_name_native', who.native);
      await participant.fill('#organisation', who.organisation);
      await participant.selectOption('#organisation_type', who.orgType);
      await participant.selectOption('#country', who.country);
      await participant.fill('#position', who.position);
      await participant.fill('#motivation', who.motivation);
      await participant.check('input[name=consent_contact]');
      await follow(participant, participant.locator(`main form[action="/editions/${slug}/application"] button[type=submit]`));
      await expectFlash(participant, lang, 'flash-application-sent');
      const state = (await participant.locator('#status strong').textContent()).trim();
      expect(state === t(lang, 'application-state-submitted'), `application state shows "${state}"`);
      return `state: ${state}`;
    });

    await steps.run('03', 'accept', on, async () => {
      coordinator = await person(browser, lang);
      current = coordinator;
      await login(coordinator, base, COORDINATOR);
      await useLanguage(coordinator, lang);
      await coordinator.goto(editionUrl);
      await follow(coordinator, coordinator.locator(`#apply a[href="/manage/editions/${slug}/applications"]`));
      const row = coordinator.locator('tbody tr', { hasText: who.email });
      expect((await row.count()) === 1, `${who.email} is listed ${await row.count()} times in the applications`);
      await row.locator('input[name=ids]').check();
      await coordinator.selectOption('#decision', 'accepted');
      await follow(coordinator, coordinator.locator('form[action$="/applications/decide"] button[type=submit]'));
      await expectFlash(coordinator, lang, 'flash-decision-saved');
      const state = (await coordinator.locator('tbody tr', { hasText: who.email }).locator('td').nth(4).textContent()).trim();
      expect(state.startsWith(t(lang, 'application-state-accepted')), `the queue shows "${state}"`);
      return `${who.name} accepted by the coordinator (queue says "${state}")`;
    });

    await steps.run('04', 'material', on, async () => {
      trainer = await person(browser, lang);
      current = trainer;
      await login(trainer, base, TRAINER);
      await useLanguage(trainer, lang);
      await trainer.goto(editionUrl);
      await follow(trainer, trainer.locator(`#materials a[href="/manage/editions/${slug}/materials"]`));
      materialBytes = Buffer.from(`title,author,year\n${who.material},WTA secretariat,2027\n`
        + 'Triple Helix: University-Industry-Government Innovation,Henry Etzkowitz,2008\n', 'utf8');
      await trainer.fill('#m-title', who.material);
      await trainer.setInputFiles('#m-file', { name: who.file, mimeType: 'text/csv', buffer: materialBytes });
      // The page's script uploads with a progress bar, then reloads at the new material.
      await trainer.locator('form[data-upload-api] button[type=submit]').first().click();
      await trainer.waitForURL(/#material-\d+$/);
      await trainer.waitForLoadState('load');
      const id = new URL(trainer.url()).hash;
      const listed = await trainer.locator(id).textContent();
      expect(listed.includes(who.material) && listed.includes(who.file), `the new material reads: ${listed}`);
      return `"${who.file}" uploaded and listed (${id})`;
    });

    let marked = 0;
    await steps.run('05', 'attendance', on, async () => {
      await trainer.goto(editionUrl);
      await follow(trainer, trainer.locator(`#apply a[href="/manage/editions/${slug}/sessions"]`));
      await expectLang(trainer, lang);
      const rosters = await trainer.locator('ul.sessions a[href$="/attendance"]').evaluateAll((as) => as.map((a) => a.href));
      expect(rosters.length > 0, 'no sessions to take attendance at');
      let anchor = '';
      for (const roster of rosters) {
        await trainer.goto(roster);
        const row = trainer.locator('li.roster-row', { hasText: who.organisation }).filter({ hasText: who.name });
        expect((await row.count()) === 1, `${who.name} is on the roster ${await row.count()} times at ${roster}`);
        anchor = await row.getAttribute('id');
        const present = row.locator('button[value=present]');
        await present.click();
        // Saved through the API without a reload; the button says so once the server agreed.
        await trainer.waitForFunction((el) => el.getAttribute('aria-pressed') === 'true', await present.elementHandle());
        marked += 1;
      }
      // After a reload the marks are still there: they were saved, not only drawn.
      const last = `${rosters[rosters.length - 1]}#${anchor}`;
      await trainer.goto(last);
      const pressed = await trainer.locator(`#${anchor} button[value=present]`).getAttribute('aria-pressed');
      expect(pressed === 'true', 'the mark is gone after a reload');
      await expectLang(trainer, lang);
      return `present at ${marked} of ${rosters.length} sessions`;
    });

    let lessons = 0;
    await steps.run('06', 'lessons', on, async () => {
      current = participant;
      await participant.goto(editionUrl);
      const enrolled = (await participant.locator('#apply p').first().textContent()).trim();
      expect(enrolled === t(lang, 'application-state-accepted'), `the edition page says "${enrolled}"`);
      await follow(participant, participant.locator('header a[href="/my"]'));
      await follow(participant, participant.locator(`.my-edition:has(a[href="/editions/${slug}"]) a.button`));
      // A sequential course: each lesson opens once the one before is done.
      for (let guard = 0; guard < 200; guard += 1) {
        await expectLang(participant, lang);
        const form = participant.locator('form.done-form');
        expect(await form.locator('input[name=done][value="1"]').count() === 1, `${participant.url()} is not open to mark`);
        await follow(participant, form.locator('button[type=submit]'));
        await expectFlash(participant, lang, 'flash-lesson-done');
        lessons += 1;
        const next = participant.locator('nav.lesson-nav a[rel=next]');
        if ((await next.count()) === 0) break;
        await follow(participant, next);
      }
      await participant.goto(`${editionUrl}#course`);
      const course = (await participant.locator('#course .progress-text').first().textContent()).trim();
      // Lessons and attendance are met now; the survey is what is left.
      const met = await participant.locator('#checklist li.met').count();
      const left = await participant.locator('#checklist li.left').count();
      expect(met === 2 && left === 1, `the checklist has ${met} rules met and ${left} left`);
      return `${lessons} lessons marked done; course ${course}; checklist: ${met} met, ${left} left (the survey)`;
    });

    await steps.run('07', 'material-download', on, async () => {
      await participant.goto(`${editionUrl}#materials`);
      const link = participant.locator('#materials a', { hasText: who.material });
      const [download] = await Promise.all([participant.waitForEvent('download'), link.click()]);
      const saved = join(work, 'material');
      await download.saveAs(saved);
      const got = readFileSync(saved);
      expect(got.equals(materialBytes), 'the downloaded bytes differ from the uploaded ones');
      expect(download.suggestedFilename() === who.file, `saved as "${download.suggestedFilename()}"`);
      return `"${download.suggestedFilename()}", ${got.length} bytes, same as uploaded`;
    });

    await steps.run('08', 'survey', on, async () => {
      await participant.goto(editionUrl);
      await follow(participant, participant.locator(`#apply a[href="/editions/${slug}/survey"]`));
      await expectLang(participant, lang);
      const form = participant.locator('form.survey');
      for (const fieldset of await form.locator('fieldset').all()) {
        await fieldset.locator('input[type=radio][value="5"]').check();
      }
      for (const text of await form.locator('textarea').all()) await text.fill(who.feedback);
      await follow(participant, form.locator('button[type=submit]'));
      await expectFlash(participant, lang, 'flash-survey-submitted');
      const thanks = (await participant.locator('main p.lead[role=status]').textContent()).trim();
      expect(tPattern(lang, 'survey-thanks').test(thanks), `the survey page says "${thanks}"`);
      return thanks;
    });

    await steps.run('09', 'certificate', on, async () => {
      // The edition page issues the certificate once the checklist is complete.
      await participant.goto(`${editionUrl}#checklist`);
      const complete = (await participant.locator('#checklist strong').first().textContent()).trim();
      expect(complete === t(lang, 'checklist-complete'), `the checklist says "${complete}"`);
      await follow(participant, participant.locator('header a[href="/my/certificates"]'));
      const card = participant.locator('section.certificate-valid');
      expect((await card.count()) === 1, `${await card.count()} valid certificates listed`);
      code = (await card.locator('code').textContent()).trim();
      const badge = (await card.locator('.badge').textContent()).trim();
      expect(badge === t(lang, 'certificates-state-valid'), `the certificate badge says "${badge}"`);
      const pdf = await openPdf(participant, card.locator('a.button'));
      const file = join(work, 'certificate.pdf');
      writeFileSync(file, pdf);
      // Both names must come out of the PDF as typed (accents, Hangul).
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
      for (const name of [who.latin, who.native]) expect(text.includes(name), `"${name}" is not in the PDF text`);
      return `code ${code}, PDF of ${pdf.length} bytes naming "${who.latin}" and "${who.native}"`;
    });

    await steps.run('10', 'verify-valid', on, async () => {
      await participant.goto(`${base}/my/certificates`);
      const card = participant.locator('section.certificate-valid');
      await follow(participant, card.locator(`a[href="/verify/${code}"]`));
      verifyUrl = participant.url();
      await expectLang(participant, lang);
      const verdict = (await participant.locator('.verify.verify-valid .verdict').textContent()).trim();
      expect(verdict === `✓ ${t(lang, 'verify-valid')}`, `the verify page says "${verdict}"`);
      const facts = await participant.locator('dl.facts').textContent();
      expect(facts.includes(who.latin) && facts.includes(who.native), 'the names are not on the verify page');
      // An employer, not signed in, sees the same verdict.
      const employer = await person(browser, lang);
      await employer.goto(verifyUrl);
      const public_ = (await employer.locator('.verify .verdict').textContent()).trim();
      await employer.context().close();
      expect(public_ === verdict, `without signing in the page says "${public_}"`);
      return `"${verdict}" (signed in and not)`;
    });

    await steps.run('11', 'revoke', on, async () => {
      current = coordinator;
      await coordinator.goto(editionUrl);
      await follow(coordinator, coordinator.locator(`#apply a[href="/manage/editions/${slug}/certificates"]`));
      await expectLang(coordinator, lang);
      const row = coordinator.locator('tr', { has: coordinator.locator('code', { hasText: code }) });
      expect((await row.count()) === 1, `certificate ${code} is not on the certificate desk`);
      const form = row.locator('form[action$="/revoke"]');
      await form.locator('input[name=reason]').fill(who.reason);
      await follow(coordinator, form.locator('button[type=submit]'));
      await expectFlash(coordinator, lang, 'flash-certificate-revoked');
      return `revoked: "${who.reason}"`;
    });

    await steps.run('12', 'verify-revoked', on, async () => {
      current = participant;
      await participant.goto(verifyUrl);
      await expectLang(participant, lang);
      const box = participant.locator('.verify.verify-revoked');
      expect((await box.count()) === 1, 'the verify page does not say revoked');
      const verdict = (await box.locator('.verdict').textContent()).trim();
      expect(tPattern(lang, 'verify-revoked').test(verdict), `the verdict reads "${verdict}"`);
      const reason = await box.textContent();
      expect(reason.includes(t(lang, 'verify-revoked-reason', { reason: who.reason })), `no reason in "${reason}"`);
      return verdict;
    });
  } catch {
    // Reported by the step; the other language still runs.
  } finally {
    for (const p of [participant, trainer, coordinator]) if (p) await p.context().close().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
  return steps;
}

/**
 * Opens the certificate as its holder would (Chromium shows it in its PDF viewer, which the
 * screenshot then shows) and returns the bytes of the same address in the same session.
 */
async function openPdf(page, link) {
  const shown = page.waitForResponse((r) => r.url().startsWith('chrome-extension://')
    && (r.headers()['content-type'] || '') === 'application/pdf');
  const [response] = await Promise.all([
    page.waitForResponse((r) => /\/certificates\/\d+\/download$/.test(new URL(r.url()).pathname)
      && (r.headers()['content-type'] || '') === 'application/pdf'),
    link.click(),
  ]);
  const disposition = response.headers()['content-disposition'] || '';
  expect(disposition.startsWith('inline') && disposition.includes('.pdf'), `Content-Disposition: ${disposition}`);
  const again = await page.context().request.get(response.url());
  expect(again.ok() && again.headers()['content-type'] === 'application/pdf', `the PDF answered ${again.status()}`);
  const pdf = await again.body();
  expect(pdf.subarray(0, 5).toString() === '%PDF-', 'the download is not a PDF');
  // The viewer has the document; give it a moment to paint the page for the screenshot.
  await shown.catch(() => {});
  await page.waitForTimeout(1500);
  return pdf;
}

const browser = await launch();
const results = [];
try {
  for (const lang of ['en', 'ko']) results.push(await journey(browser, lang));
} finally {
  await browser.close();
}
const passed = results.reduce((n, s) => n + s.passed, 0);
const failed = results.flatMap((s) => s.failed);
console.log('');
printSwitcherProblems();
console.log(`journey: ${passed} steps passed, ${failed.length} failed${failed.length ? `: ${failed.join(', ')}` : ''}`);
console.log(`journey screenshots: ${results.flatMap((s) => s.files).length} in ${shots}`);
process.exit(failed.length ? 1 : 0);
