app-name = WTA Academy
footer-text = 세계과학도시연합(WTA) · UNESCO-WTA 국제연수워크숍 및 글로벌혁신포럼

nav-skip = 본문 바로가기
nav-label = 주 메뉴
nav-home = 홈
nav-login = 로그인
nav-signup = 회원가입
nav-logout = 로그아웃
nav-profile = 프로필
nav-security = 비밀번호 및 세션
nav-admin-users = 사용자
nav-language = 언어

home-title = 과학기술단지 리더를 위한 연수
home-lead = WTA Academy는 UNESCO-WTA 국제연수워크숍과 글로벌혁신포럼을 운영합니다. 회차에 지원하고, 과학단지 거버넌스 과정을 수강하고, 실시간 세션에 참여하여 수료증을 받으십시오.
home-participants-title = 참가자
home-participants-text = 과학단지 관리자와 도시 공무원은 회차에 지원하여 모듈별로 학습하고, 자국 문자로 표기된 본인 이름이 담긴 수료증을 받습니다.
home-trainers-title = 강사
home-trainers-text = 강사는 모듈과 강의를 준비하고, 자료를 공유하며, 각 세션의 출석을 확인합니다.
home-coordinators-title = 코디네이터
home-coordinators-text = UNESCO와 WTA 코디네이터는 회차를 개설하고, 참가자를 선발하며, 수료증을 발급합니다.

login-title = 로그인
login-submit = 로그인
login-forgot = 비밀번호를 잊으셨습니까?
login-no-account = 계정 만들기

signup-title = 계정 만들기
signup-lead = 계정을 만들어 연수 워크숍에 지원하고 과정을 수강하십시오.
signup-submit = 계정 만들기

forgot-title = 비밀번호 찾기
forgot-lead = 계정의 이메일 주소를 입력하십시오. 새 비밀번호를 설정할 수 있는 링크를 보내 드립니다.
forgot-submit = 링크 보내기
forgot-sent = 이 주소로 등록된 계정이 있으면 새 비밀번호를 설정할 수 있는 링크를 보냈습니다. 받은편지함을 확인하십시오.

reset-title = 새 비밀번호 설정
reset-submit = 새 비밀번호 저장
reset-ask-again = 새 링크 요청

security-title = 비밀번호 및 세션
security-change-password = 비밀번호 변경
security-change-submit = 비밀번호 변경
security-sessions = 로그인된 기기
security-session-count = { $count ->
    [one] 현재 기기 또는 브라우저 1개에 로그인되어 있습니다.
   *[other] 현재 기기 또는 브라우저 { $count }개에 로그인되어 있습니다.
}
security-logout-everywhere = 모든 기기에서 로그아웃

profile-title = 내 프로필
profile-signed-in-as = 로그인 계정
profile-certificate-name = 수료증에 표기될 이름
profile-region = UNESCO 지역
profile-save = 프로필 저장

admin-users-title = 사용자
admin-users-search = 이름 또는 이메일로 검색
admin-users-count = { $count ->
    [one] 계정 1개
   *[other] 계정 { $count }개
}
admin-users-role = 역할
admin-users-status = 상태
admin-users-change-role = 역할 변경
admin-users-active = 활성
admin-users-inactive = 비활성화됨
admin-users-activate = 활성화
admin-users-deactivate = 비활성화

search-submit = 검색
pager-label = 페이지
pager-previous = 이전
pager-next = 다음
pager-page = { $pages }페이지 중 { $page }페이지
pager-bad-page = 페이지 번호는 1 이상의 정수여야 합니다.

field-email = 이메일 주소
field-password = 비밀번호
field-new-password = 새 비밀번호
field-password-confirm = 비밀번호 확인
field-current-password = 현재 비밀번호
field-display-name = 이름
field-certificate-name-latin = 로마자 이름
field-certificate-name-native = 자국 문자 이름(선택)
field-organisation = 소속 기관
field-organisation-type = 기관 유형
field-country = 국가
field-position = 직위
field-preferred-language = 사이트 및 이메일 언어
field-time-zone = 시간대

hint-password = 10자 이상이어야 합니다. 흔한 비밀번호는 피하십시오.
hint-certificate-name = 인쇄될 이름을 정확히 입력하십시오. 예: 로마자로 "Nguyen Van Minh", 자국 문자로 "Nguyễn Văn Minh".

choose-none = — 입력 안 함 —
choose-browser-language = 브라우저 언어와 동일

role-participant = 참가자
role-coordinator = 코디네이터
role-admin = 관리자

org-type-city-government = 시 또는 지방 정부
org-type-stp = 과학기술단지
org-type-university = 대학교
org-type-research-institute = 연구기관
org-type-company = 기업
org-type-ngo = 비정부기구
org-type-international-organisation = 국제기구

region-africa = 아프리카
region-arab-states = 아랍 국가
region-asia-pacific = 아시아·태평양
region-europe-north-america = 유럽·북미
region-latin-america-caribbean = 라틴아메리카·카리브

flash-welcome = { $name }님, 환영합니다!
flash-signed-up = 계정이 생성되었습니다. 프로필을 작성하십시오.
flash-logged-out = 로그아웃되었습니다.
flash-logged-out-everywhere = 모든 기기에서 로그아웃되었습니다. 다시 로그인하십시오.
flash-password-changed = 비밀번호가 변경되었습니다. 다른 기기에서는 로그아웃되었습니다.
flash-password-reset = 새 비밀번호가 저장되었습니다. 이제 로그인하실 수 있습니다.
flash-profile-saved = 프로필이 저장되었습니다.
flash-role-changed = 역할이 변경되었습니다.
flash-account-updated = 계정이 업데이트되었습니다.

status-400 = 잘못된 요청
status-401 = 로그인 필요
status-403 = 권한 없음
status-404 = 페이지를 찾을 수 없음
status-413 = 용량 초과
status-422 = 입력 내용 확인 필요
status-429 = 시도 횟수 초과
status-500 = 오류 발생
status-503 = 일시적으로 이용 불가
error-back-home = 홈으로 돌아가기

err-bad-request = 요청을 이해할 수 없습니다.
err-unauthenticated = 계속하려면 로그인하십시오.
err-forbidden = 이 작업을 수행할 권한이 없습니다.
err-csrf = 이 양식은 만료되었거나 이 사이트에서 보낸 것이 아닙니다. 이전 화면으로 돌아가 페이지를 새로 고친 후 다시 제출하십시오.
err-not-found = 페이지를 찾을 수 없습니다.
err-too-large = 보내신 내용이 너무 큽니다.
err-unprocessable = 보내신 내용 중 일부를 읽을 수 없습니다. 확인 후 다시 시도하십시오.
err-throttled = 실패한 시도가 너무 많습니다. 1분 후에 다시 시도하십시오.
err-unavailable = 서비스를 일시적으로 이용할 수 없습니다. 몇 분 후에 다시 시도하십시오.
err-internal = 시스템에 문제가 발생했습니다. 잠시 후 다시 시도하십시오.
err-invalid-input = 강조 표시된 항목을 수정하십시오.
err-json-required = 요청 본문을 JSON 형식으로, Content-Type: application/json 헤더와 함께 보내십시오.
err-form-has-errors = 아래에 표시된 항목을 수정하십시오.
err-login-failed = 이메일 주소 또는 비밀번호가 올바르지 않습니다.
err-email-required = 이메일 주소를 입력하십시오.
err-email-invalid = 올바른 이메일 주소가 아닙니다. 예: name@example.org
err-email-taken = 이 이메일 주소로 등록된 계정이 이미 있습니다. 로그인하시거나 비밀번호를 재설정하십시오.
err-password-short = 비밀번호는 10자 이상이어야 합니다.
err-password-long = 비밀번호는 256자 이하여야 합니다.
err-password-common = 추측하기 쉬운 비밀번호입니다. 다른 비밀번호를 선택하십시오.
err-password-mismatch = 두 비밀번호가 일치하지 않습니다.
err-password-current-wrong = 현재 비밀번호가 올바르지 않습니다.
err-reset-token-invalid = 이 링크는 만료되었거나 이미 사용되어 더 이상 유효하지 않습니다.
err-name-required = 이름을 입력하십시오.
err-name-control = 이름에 인쇄할 수 없는 문자가 포함되어 있습니다.
err-name-too-long = 이름은 120자 이하여야 합니다.
err-name-no-letters = 이름에는 문자가 포함되어야 합니다.
err-name-not-latin = 이 칸에는 로마자를 사용하십시오. 자국 문자는 다음 칸에 입력하십시오.
err-text-control = 텍스트에 인쇄할 수 없는 문자가 포함되어 있습니다.
err-text-too-long = 텍스트는 200자 이하여야 합니다.
err-role-unknown = 알 수 없는 역할입니다. 참가자, 코디네이터 또는 관리자 중에서 선택하십시오.
err-organisation-type-unknown = 목록에서 기관 유형을 선택하십시오.
err-country-unknown = 목록에서 국가를 선택하십시오.
err-language-unknown = 목록에서 언어를 선택하십시오.
err-time-zone-unknown = 목록에서 시간대를 선택하십시오. 예: Asia/Seoul
err-last-admin = 마지막 관리자는 관리자 역할을 잃거나 비활성화될 수 없습니다.

mail-reset-subject = WTA Academy 새 비밀번호 설정
mail-reset-body =
    { $name }님께

    누군가(아마도 본인)가 WTA Academy 계정의 새 비밀번호 설정을 요청했습니다.
    { $minutes }분 이내에 아래 링크를 열어 새 비밀번호를 설정하십시오.

    { $link }

    요청하신 적이 없다면 이 메일은 무시하셔도 됩니다. 비밀번호는 변경되지 않습니다.

    WTA Academy

## 과정 목록 및 회차
nav-catalogue = 과정 목록
nav-my-learning = 나의 학습
nav-manage-editions = 회차
catalogue-title = 프로그램 및 회차
catalogue-lead = UNESCO-WTA 국제연수워크숍과 글로벌혁신포럼의 회차를 찾아 과정과 일정표를 확인하고, 지원 접수 기간에 지원하십시오.
catalogue-current = 진행 중이거나 예정된 회차
catalogue-past = 지난 회차
catalogue-none-current = 현재 예정된 회차가 없습니다.
catalogue-empty = 아직 등록된 프로그램이 없습니다.
catalogue-applications-open = 지원 접수 중
phase-upcoming = 예정
phase-running = 진행 중
phase-past = 종료
mode-on-site = 현장
mode-online = 온라인
mode-blended = 혼합(온라인 및 현장)
admission-open = 선착순: 정원이 남아 있는 동안 모든 지원자를 받습니다
admission-reviewed = 심사: 코디네이터가 참가자를 선발합니다
edition-dates = 기간
edition-place = 장소
edition-mode = 운영 방식
edition-capacity = 정원
edition-languages = 사용 언어
edition-admission = 선발 방식
edition-applications = 지원
edition-applications-open-until = 지원 마감:
edition-applications-window = 지원 기간:
edition-applications-closed = 이 회차의 지원 접수가 마감되었습니다.
edition-apply-hint = 지원하려면 계정으로 로그인하십시오. 코디네이터가 모든 참가 확정을 이메일로 알려 드립니다.
edition-calendar = 일정표를 캘린더에 추가(iCalendar)
edition-course = 과정
edition-sequential = 강의는 순서대로 열립니다. 강의를 마치면 다음 강의가 열립니다.
edition-timetable = 일정표
edition-times-in = 시간은 회차의 시간대({ $zone }) 기준으로 표시됩니다.
edition-times-both = 시간은 회차의 시간대({ $zone }) 기준으로 표시되며, 아래에는 회원님의 시간대({ $viewer }) 기준으로도 표시됩니다.
edition-no-sessions = 아직 예정된 세션이 없습니다.
edition-trainers = 강사
edition-no-trainers = 아직 배정된 강사가 없습니다.
edition-manage-sessions = 세션 관리
edition-edit = 회차 수정
edition-clone = 새 회차로 복사
session-kind-lecture = 강연
session-kind-workshop = 워크숍
session-kind-site-visit = 현장 방문
session-kind-panel = 패널 토론
session-online = 온라인으로 참여

## 학습
module-lesson-count = { $count ->
   *[other] 강의 { $count }개
}
module-outcomes = 학습 목표
module-lessons = 강의
module-self-check = 자가 점검
module-show-answer = 정답 보기
module-further-reading = 추가 읽기 자료
module-enrol-to-read = 각 모듈의 첫 강의는 누구나 볼 수 있습니다. 회차 참가자는 모든 강의를 볼 수 있습니다.
lesson-minutes = { $minutes }분
lesson-shown-in = "{ $language }" 언어로 표시됨: 아직 번역이 없습니다
lesson-outcomes = 이 강의에서 배울 내용
lesson-done = 완료
lesson-locked = 잠김
lesson-preview = 미리 보기
lesson-preview-hint = 이 강의는 무료 미리 보기입니다. 전체 과정을 수강하려면 이 회차에 지원하십시오.
lesson-mark-done = 완료로 표시
lesson-mark-undone = 미완료로 표시
lesson-nav = 이전 강의 및 다음 강의
lesson-note-title = 이 회차 강사의 안내
lesson-note-edit = 이 회차 참가자를 위한 안내
lesson-note-hint = 강의 아래에 표시되며, 이 회차에 속한 사람에게만 보입니다. Markdown을 사용할 수 있습니다. 안내를 삭제하려면 비워 두십시오.
lesson-note-save = 안내 저장
progress-count = 강의 { $total }개 중 { $done }개 완료
progress-course = 과정 진도
progress-module = 모듈 진도
my-title = 나의 학습
my-none = 아직 참여 중인 회차가 없습니다.
my-continue = 계속하기
my-role-participant = 참가자
my-role-trainer = 강사
my-calendar-title = 개인 캘린더
my-calendar-text = 참여하는 모든 회차의 세션이 담긴 비공개 링크 하나를 제공합니다. 캘린더 앱이 이 링크를 새로 고쳐 변경 사항을 표시합니다. 실수로 링크를 공유했다면 링크를 갱신하십시오. 이전 링크는 더 이상 작동하지 않습니다.
my-calendar-create = 캘린더 링크 만들기
my-calendar-renew = 링크 갱신
flash-lesson-done = 강의를 완료로 표시했습니다.
flash-lesson-undone = 강의를 미완료로 표시했습니다.
flash-note-saved = 안내가 저장되었습니다.
flash-calendar-link = 캘린더 링크가 준비되었습니다.

## 회차 및 세션 관리
manage-editions-title = 회차
manage-editions-new = 새 회차
manage-edition-form-title = 회차
manage-actions = 작업
manage-save = 저장
manage-clone-explain = 복사본에는 같은 과정, 세션, 설정이 적용됩니다. 모든 날짜는 새 첫날에 맞춰 같은 일수만큼 이동하며, 세션의 시각은 그대로 유지됩니다. 지원 기간은 비워지며, 강사는 다시 배정해야 합니다.
manage-trainer-email = 강사 계정의 이메일 주소
manage-trainer-add = 강사로 배정
manage-trainer-remove = 제외
manage-sessions-title = 세션
manage-session-new = 새 세션
manage-session-edit = 수정
manage-session-delete = 이 세션 삭제
field-program = 프로그램
field-slug = 주소에 쓰이는 짧은 이름
hint-slug = 영문 소문자, 숫자, 하이픈을 사용하십시오. 예: itw-2028
field-number = 회차 번호
field-edition-title = 제목
field-theme = 주제
field-summary = 요약
field-starts-on = 첫날
field-ends-on = 마지막 날
field-venue = 개최 장소
field-city = 도시
field-applications-open = 지원 시작
field-applications-close = 지원 마감
hint-application-window = 회차 시간대 기준 시각입니다. 지원을 받지 않으려면 두 칸을 모두 비워 두십시오.
field-sequential = 강의를 순서대로 공개
field-session-title = 제목
field-session-kind = 유형
field-session-starts = 시작
field-session-ends = 종료
field-room = 강의실 또는 집결 장소
field-online-url = 온라인 링크
field-session-module = 모듈
flash-edition-saved = 회차가 저장되었습니다.
flash-edition-cloned = 새 회차가 생성되었습니다. 세부 정보를 확인하고, 준비가 되면 지원 접수를 시작하십시오.
flash-trainer-added = 강사가 배정되었습니다.
flash-trainer-removed = 강사가 이 회차에서 제외되었습니다.
flash-session-saved = 세션이 저장되었습니다.
flash-session-deleted = 세션이 삭제되었습니다.
err-slug-invalid = 영문 소문자, 숫자, 하이픈으로 2~60자를 입력하십시오. 첫 글자는 영문자 또는 숫자여야 합니다.
err-slug-taken = 이 짧은 이름은 다른 회차에서 이미 사용하고 있습니다.
err-number-invalid = 1 이상의 정수를 입력하십시오.
err-number-taken = 이 프로그램에 같은 번호의 회차가 이미 있습니다.
err-title-required = 제목을 입력하십시오.
err-long-text-too-long = 텍스트가 너무 깁니다(최대 4,000자).
err-date-invalid = 날짜를 YYYY-MM-DD 형식으로 입력하십시오.
err-datetime-invalid = 날짜와 시각을 YYYY-MM-DD HH:MM 형식으로 입력하십시오.
err-end-before-start = 종료 시점은 시작 시점보다 뒤여야 합니다.
err-capacity-invalid = 정원은 1 이상의 숫자로 입력하십시오.
err-mode-unknown = 현장, 온라인, 혼합 중에서 선택하십시오.
err-admission-unknown = 선발 방식을 선착순 또는 심사 중에서 선택하십시오.
err-languages-required = 사용 언어를 하나 이상 선택하십시오.
err-url-invalid = https://로 시작하는 전체 웹 주소를 입력하십시오.
err-session-kind-unknown = 강연, 워크숍, 현장 방문, 패널 토론 중에서 선택하십시오.
err-session-outside-edition = 세션은 회차의 첫날과 마지막 날 사이에 진행되어야 합니다.
err-sessions-outside-dates = 일부 세션이 이 기간을 벗어나게 됩니다. 해당 세션을 먼저 옮기거나 삭제하십시오.
err-program-unknown = 프로그램을 선택하십시오.
err-module-unknown = 선택한 모듈 중 존재하지 않는 모듈이 있습니다.
err-module-not-in-course = 이 모듈은 회차의 과정에 포함되어 있지 않습니다.
err-trainer-unknown = 이 회차에 배정된 강사 중에서 선택하십시오.
err-trainer-no-account = 이 이메일 주소를 사용하는 계정이 없습니다. 강사가 먼저 회원가입을 해야 합니다.
err-lesson-locked = 이 강의는 앞의 강의를 모두 마치면 열립니다.
err-progress-participants-only = 회차 참가자만 학습 진도를 기록할 수 있습니다.

## 지원 및 등록
mail-signature = WTA Academy
mail-enrollment-note = 코디네이터의 메시지:
mail-enrollment-received-subject = 지원서 접수 완료: { $edition }
mail-enrollment-received-body =
    { $name }님께

    { $edition }에 대한 지원서가 접수되었습니다. 코디네이터가 모든 지원서를 검토한 후 결과를 이메일로 알려 드리겠습니다.

    지원 현황은 다음 링크에서 확인하실 수 있습니다: { $link }
mail-enrollment-accepted-subject = 참가 확정: { $edition }
mail-enrollment-accepted-body =
    { $name }님께

    { $edition } 참가가 확정되었음을 알려 드리게 되어 기쁩니다. 이제 과정과 일정표를 이용하실 수 있습니다.

    지원서: { $link }
mail-enrollment-waitlisted-subject = 대기자 명단 등록 안내: { $edition }
mail-enrollment-waitlisted-body =
    { $name }님께

    현재 { $edition }의 자리가 모두 찼기 때문에 회원님은 대기자 명단 { $position }번으로 등록되었습니다. 자리가 나면 대기자 명단의 첫 번째 분께 이메일로 자리를 제안해 드립니다.

    지원서: { $link }
mail-enrollment-offered-subject = 참가 자리 제안: { $edition }
mail-enrollment-offered-body =
    { $name }님께

    { $edition }에 자리가 생겨 회원님께 제안해 드립니다. { $deadline }까지 수락해 주십시오. 기한이 지나면 이 자리는 대기자 명단의 다음 분께 넘어갑니다.

    수락 또는 거절: { $link }
mail-enrollment-expired-subject = 자리 제안 기한 만료: { $edition }
mail-enrollment-expired-body =
    { $name }님께

    { $edition }에서 회원님께 제안해 드린 자리가 기한 내에 수락되지 않아 대기자 명단의 다음 분께 넘어갔습니다.

    지원서: { $link }
mail-enrollment-rejected-subject = 지원 결과 안내: { $edition }
mail-enrollment-rejected-body =
    { $name }님께

    { $edition }에 지원해 주셔서 감사합니다. 아쉽게도 이번에는 참가 자리를 드릴 수 없게 되었습니다.

    지원서: { $link }
mail-enrollment-withdrawn-subject = 지원 철회 안내: { $edition }
mail-enrollment-withdrawn-body =
    { $name }님께

    { $edition } 지원이 철회되었습니다. 착오로 철회된 경우 코디네이터에게 연락해 주십시오.

    지원서: { $link }
mail-digest-subject = 오늘의 신규 지원
mail-digest-intro = 최근 24시간 동안 접수된 신규 지원:
err-certificate-name-required = 수료증에 인쇄될 이름을 로마자로 입력하십시오.
err-organisation-required = 소속 기관을 입력하십시오.
err-organisation-type-required = 기관 유형을 선택하십시오.
err-country-required = 국가를 선택하십시오.
err-motivation-required = 지원 동기를 몇 문장으로 작성하십시오.
err-motivation-too-long = 텍스트가 너무 깁니다(최대 2,000자).
err-already-applied = 이미 이 회차에 지원하셨습니다.
err-applications-closed = 이 회차는 지원을 받고 있지 않습니다.
err-edition-full = 이 회차는 정원이 찼습니다. 더 이상 지원을 받지 않습니다.
err-application-locked = 이 지원서는 더 이상 수정할 수 없습니다.
err-cannot-withdraw = 이 지원은 철회할 수 없습니다.
err-no-offer = 수락할 수 있는 자리 제안이 없습니다.
err-decision-unknown = 승인, 대기자 명단 등록, 거절 중에서 선택하십시오.
err-nothing-selected = 지원서를 하나 이상 선택하십시오.
err-decision-not-allowed = 선택한 지원서 중 현재 상태에서 이 결정을 적용할 수 없는 지원서가 있습니다.
err-capacity-full = 남은 자리가 부족합니다. 정원을 초과하려면 사유를 입력하십시오.
err-quota-full = 이 국가는 할당 인원에 도달했습니다. 할당 인원을 초과하려면 사유를 입력하십시오.
err-invitation-invalid = 유효하지 않은 초대 링크입니다.
err-invitation-other-email = 이 초대는 다른 이메일 주소로 발송되었습니다. 초대를 이용하려면 해당 주소로 로그인하십시오.
err-invitation-expired = 이 초대는 만료되었거나 이미 사용되었습니다.
err-offer-hours-invalid = 1에서 720 사이의 시간 수를 입력하십시오.
err-quota-invalid = 1 이상의 정수를 입력하십시오. 할당 인원을 두지 않으려면 비워 두십시오.
field-offer-hours = 제안된 자리의 수락 기한(시간)
field-country-quota = 국가별 최대 참가자 수
hint-country-quota = 할당 인원을 두지 않으려면 비워 두십시오. 할당 인원을 넘는 지원자는 대기자 명단에 등록됩니다.
mail-account-created-subject = { $edition } 참가 안내: 비밀번호를 설정하십시오
mail-account-created-body =
    { $name }님께

    코디네이터가 회원님을 { $edition }에 등록하고 WTA Academy 계정을 만들어 드렸습니다.

    다음 링크에서 비밀번호를 설정하십시오(링크는 { $days }일 동안 유효합니다): { $link }

    WTA Academy
mail-invitation-subject = 지원 초대: { $edition }
mail-invitation-body =
    안녕하십니까?

    코디네이터가 { $edition }에 지원하시도록 초대합니다. 로그인하신 후(또는 이 이메일 주소로 계정을 만드신 후) 아래 링크를 열어 지원서를 작성하십시오. 이 링크는 한 번만 사용할 수 있으며 { $days }일 동안 유효합니다.

    { $link }

    WTA Academy
err-csv-too-large = 파일이 너무 큽니다(최대 5MB).
err-csv-not-utf8 = 파일이 UTF-8 형식이 아닙니다. "CSV UTF-8" 형식으로 저장한 후 다시 시도하십시오. UTF-8이 아닌 첫 번째 행:
err-csv-empty = 파일이 비어 있습니다.
err-csv-header = 첫 번째 행에는 열 이름이 있어야 합니다. email 및 name 열은 필수이며, 템플릿에 있는 열만 사용할 수 있습니다. 누락된 열(-) 또는 알 수 없는 열(+):
err-csv-unreadable = 파일을 CSV로 읽을 수 없습니다. 해당 행:
err-csv-duplicate = 이 이메일 주소는 파일의 앞부분에 이미 있습니다.
err-csv-has-invalid-rows = 일부 행이 올바르지 않습니다. 수정한 후 파일을 다시 업로드하십시오. 아무것도 가져오지 않았습니다.
application-state-submitted = 제출됨, 검토 대기 중
application-state-accepted = 승인됨
application-state-waitlisted = 대기자 명단에 있음
application-state-offered = 참가 자리가 제안됨
application-state-rejected = 승인되지 않음
application-state-withdrawn = 철회됨
application-state-expired = 제안 기한 만료
application-state-completed = 수료
decision-accepted = 승인
decision-waitlisted = 대기자 명단에 등록
decision-rejected = 거절
waitlist-reason-capacity = 정원 마감
waitlist-reason-quota = 국가별 할당 인원 도달
waitlist-reason-coordinator = 코디네이터 결정
import-status-new = 새 계정
import-status-existing = 기존 계정
import-status-enrolled = 이미 이 회차에 있음(건너뜀)
import-status-invalid = 올바르지 않음
edition-apply = 지원하기
edition-your-application = 내 지원서
application-title = 내 지원서
application-your-state = 상태
application-position = 회원님은 대기자 명단 { $position }번입니다.
application-offer-until = 제안된 자리 수락 기한:
application-accept-offer = 자리 수락
application-decline-offer = 자리 거절
application-withdraw = 지원 철회
application-consents = 동의 사항
application-save = 변경 사항 저장
application-submit = 지원서 제출
consent-listed = 이 회차 참가자들에게 공유되는 참가자 명단에 제 이름과 소속 기관을 게재하는 데 동의합니다.
consent-photos = 제가 나온 워크숍 사진을 게시하는 데 동의합니다.
consent-contact = 워크숍 이후 WTA가 후속 활동과 관련하여 저에게 연락하는 데 동의합니다.
field-motivation = 지원 동기
hint-motivation = 하시는 일과 이번 연수에서 얻어 가고 싶은 것을 몇 문장으로 작성하십시오(최대 2,000자).
flash-application-sent = 지원서가 제출되었습니다. 확인 이메일이 곧 발송됩니다.
flash-application-saved = 변경 사항이 저장되었습니다.
flash-application-withdrawn = 지원이 철회되었습니다.
flash-offer-accepted = 참가가 확정되었습니다. 환영합니다!
applications-title = 지원서
applications-seats = 자리 현황
applications-seats-count = 정원 { $capacity }자리 중 { $taken }자리가 찼습니다(남은 자리 { $free }개). 제안 중인 자리도 포함합니다.
applications-quota = 국가별 최대 참가자 수: { $quota }명. 국가별 자리 현황:
applications-quota-full = 마감
applications-by-state = 상태별
applications-invite = 초대하기
applications-skip-review = 자리가 남아 있는 동안 심사 없이 승인
applications-send-invitation = 초대장 보내기
applications-import = 참가자 명단 일괄 등록(CSV)
applications-state = 상태
applications-region = UNESCO 지역
applications-all-states = 모든 상태
applications-all-regions = 모든 지역
applications-all-countries = 모든 국가
applications-all-org-types = 모든 기관 유형
applications-select = 선택
applications-read = 읽기
applications-none = 조건에 맞는 지원서가 없습니다.
applications-decide = 선택한 지원서에 대한 결정
applications-decision = 결정
applications-message = 지원자에게 보낼 메시지(선택, 이메일에 추가됨)
applications-override = 정원 또는 할당 인원 초과 사유
hint-override = 자리 수보다 많은 인원을 승인할 때만 필요합니다. 감사 기록에 보관됩니다.
applications-apply-decision = 결정 적용
flash-decision-saved = 결정이 기록되었으며 지원자에게 이메일로 알렸습니다.
flash-invitation-sent = 초대장을 보냈습니다.
flash-import-done = 가져오기 완료: 계정 { $created }개 생성, { $enrolled }명 등록, { $waitlisted }명 대기자 명단 등록, { $skipped }명은 이미 회차에 있음.
import-title = 참가자 명단 일괄 등록
import-explain = CSV 파일(UTF-8, 쉼표 또는 세미콜론 구분)을 업로드하십시오. 먼저 모든 행을 확인할 수 있으며, 확정하기 전에는 아무것도 저장되지 않습니다. 계정이 없는 사람에게는 계정이 만들어지고 비밀번호 설정 이메일이 발송됩니다. 이미 회차에 있는 사람은 건너뜁니다.
import-template = 템플릿 다운로드
import-file = CSV 파일
import-preview = 파일 확인
import-preview-title = 가져오기 전 확인
import-counts = 새 계정 { $new }개, 기존 계정 { $existing }개, 이미 회차에 있음 { $enrolled }명, 올바르지 않은 행 { $invalid }개.
import-confirm = 이 참가자들 가져오기
import-line = 행
import-status = 결과
import-problems = 문제
application-questions = 코디네이터의 추가 질문
err-answer-required = 이 질문에 답해 주십시오.
err-answer-too-long = 답변이 너무 깁니다.
err-answer-choice = 제시된 답변 중 하나를 선택하십시오.
err-question-kind = 짧은 글, 긴 글, 선택형 중 하나를 고르십시오.
err-question-label = 질문을 입력하십시오(최대 200자).
err-question-choices = 선택지를 한 줄에 하나씩, 두 개 이상 입력하십시오.
question-kind-short = 짧은 글
question-kind-long = 긴 글
question-kind-choice = 선택형
questions-title = 지원서의 추가 질문
questions-none = 추가 질문이 없습니다.
questions-label = 질문
questions-kind = 답변 형식
questions-choices = 선택지(한 줄에 하나씩, 선택형일 때)
questions-required = 필수
questions-add = 질문 추가
questions-remove = 삭제
flash-question-added = 지원서에 질문이 추가되었습니다.
flash-question-removed = 질문이 삭제되었습니다.
err-file-name = 파일 이름에는 슬래시, ".." 또는 제어 문자를 쓸 수 없습니다.
err-file-empty = 빈 파일입니다.
err-file-too-large = 파일이 업로드 한도보다 큽니다.
err-file-unreadable = 업로드가 중단되었습니다. 다시 시도하십시오.
err-file-missing = 올릴 파일을 선택하십시오.
err-file-type = 받을 수 없는 파일 형식입니다. PDF, 오피스 문서, 이미지, 오디오, 동영상, zip, CSV 또는 텍스트 파일을 올리십시오.
err-storage-unavailable = 지금은 파일을 저장할 수 없습니다. 몇 분 뒤에 다시 시도하십시오. 변경된 것은 없습니다.
err-visibility-unknown = 이 자료를 볼 수 있는 사람을 선택하십시오.
err-session-unknown = 이 세션은 해당 회차에 속하지 않습니다.
materials-title = 자료
materials-manage = 자료 관리
materials-upload = 파일 추가
materials-visibility = 열람 가능 대상
materials-file = 파일
materials-hint = PDF, 오피스 문서, 이미지, 오디오, 동영상, zip, CSV 또는 텍스트, 최대 { $max } MB.
materials-upload-button = 올리기
materials-version = 버전 { $version }
materials-versions = 이전 버전
materials-current = 현재
materials-restore = 복원
materials-replace = 새 버전으로 교체
materials-replace-button = 새 버전 올리기
materials-delete = 삭제
materials-none = 아직 자료가 없습니다.
materials-updated = { $date } 업데이트
visibility-public = 모든 사람
visibility-participants = 이 회차의 참가자
visibility-trainers = 강사만
material-kind-pdf = PDF
material-kind-zip = ZIP 압축 파일
material-kind-csv = CSV 표
material-kind-text = 텍스트
material-kind-document = 문서
material-kind-spreadsheet = 스프레드시트
material-kind-slides = 발표 자료
material-kind-image = 이미지
material-kind-video = 동영상
material-kind-audio = 오디오
material-kind-file = 파일
materials-attach = 연결 대상
materials-attach-edition = 회차 전체
materials-attach-modules = 모듈과 강의
materials-attach-sessions = 실시간 세션
materials-general = 회차 전체 자료
materials-module = 모듈: { $title }
materials-session = 세션: { $title }
materials-lesson = 강의 “{ $title }”
materials-uploading = 올리는 중… { $percent }%
materials-upload-failed = 업로드가 끝나지 않았습니다. 연결을 확인하고 다시 시도하십시오.
err-lesson-not-in-course = 이 강의는 이 회차 과정에 포함되어 있지 않습니다.
flash-material-saved = 파일이 저장되었습니다.
flash-material-deleted = 자료가 삭제되었습니다.
