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
