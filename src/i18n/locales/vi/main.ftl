app-name = WTA Academy
footer-text = Hiệp hội Các Thành phố Công nghệ Thế giới (WTA) · Hội thảo Tập huấn Quốc tế UNESCO-WTA và Diễn đàn Đổi mới Sáng tạo Toàn cầu

nav-skip = Chuyển đến nội dung chính
nav-label = Điều hướng chính
nav-home = Trang chủ
nav-login = Đăng nhập
nav-signup = Đăng ký
nav-logout = Đăng xuất
nav-profile = Hồ sơ
nav-security = Mật khẩu và phiên đăng nhập
nav-admin-users = Người dùng
nav-language = Ngôn ngữ

home-title = Đào tạo dành cho lãnh đạo các công viên khoa học và công nghệ
home-lead = WTA Academy tổ chức Hội thảo Tập huấn Quốc tế UNESCO-WTA và Diễn đàn Đổi mới Sáng tạo Toàn cầu: hãy đăng ký tham gia một khóa, theo học khóa học về quản trị công viên khoa học, tham dự các buổi học trực tuyến và nhận chứng chỉ của bạn.
home-participants-title = Học viên
home-participants-text = Các nhà quản lý công viên khoa học và cán bộ thành phố đăng ký tham gia một khóa, học theo từng học phần và nhận chứng chỉ ghi tên mình bằng chữ viết của chính mình.
home-trainers-title = Giảng viên
home-trainers-text = Giảng viên chuẩn bị học phần và bài học, chia sẻ tài liệu và điểm danh ở mỗi buổi học.
home-coordinators-title = Điều phối viên
home-coordinators-text = Điều phối viên của UNESCO và WTA mở các khóa, tuyển chọn học viên và cấp chứng chỉ.

login-title = Đăng nhập
login-submit = Đăng nhập
login-forgot = Bạn quên mật khẩu?
login-no-account = Tạo tài khoản

signup-title = Tạo tài khoản
signup-lead = Hãy tạo tài khoản để đăng ký tham gia các hội thảo tập huấn và theo học khóa học.
signup-submit = Tạo tài khoản

forgot-title = Quên mật khẩu
forgot-lead = Vui lòng nhập địa chỉ email của tài khoản. Chúng tôi sẽ gửi cho bạn một đường liên kết để đặt mật khẩu mới.
forgot-submit = Gửi liên kết
forgot-sent = Nếu có tài khoản đăng ký bằng địa chỉ này, chúng tôi đã gửi tới địa chỉ đó một đường liên kết để đặt mật khẩu mới. Vui lòng kiểm tra hộp thư đến.

reset-title = Đặt mật khẩu mới
reset-submit = Lưu mật khẩu mới
reset-ask-again = Yêu cầu liên kết mới

security-title = Mật khẩu và phiên đăng nhập
security-change-password = Đổi mật khẩu
security-change-submit = Đổi mật khẩu
security-sessions = Các nơi bạn đang đăng nhập
security-session-count = { $count ->
    [one] Bạn đang đăng nhập trên { $count } thiết bị hoặc trình duyệt.
   *[other] Bạn đang đăng nhập trên { $count } thiết bị hoặc trình duyệt.
}
security-logout-everywhere = Đăng xuất trên mọi thiết bị

profile-title = Hồ sơ của bạn
profile-signed-in-as = Đăng nhập với tài khoản
profile-certificate-name = Tên ghi trên chứng chỉ
profile-region = Khu vực UNESCO
profile-save = Lưu hồ sơ

admin-users-title = Người dùng
admin-users-search = Tìm theo tên hoặc email
admin-users-count = { $count ->
    [one] { $count } tài khoản
   *[other] { $count } tài khoản
}
admin-users-role = Vai trò
admin-users-status = Trạng thái
admin-users-change-role = Đổi vai trò
admin-users-active = Đang hoạt động
admin-users-inactive = Đã vô hiệu hóa
admin-users-activate = Kích hoạt
admin-users-deactivate = Vô hiệu hóa

search-submit = Tìm kiếm
pager-label = Trang
pager-previous = Trang trước
pager-next = Trang sau
pager-page = Trang { $page }/{ $pages }
pager-bad-page = Số trang phải là số nguyên từ 1 trở lên.

field-email = Địa chỉ email
field-password = Mật khẩu
field-new-password = Mật khẩu mới
field-password-confirm = Nhập lại mật khẩu
field-current-password = Mật khẩu hiện tại
field-display-name = Tên
field-certificate-name-latin = Tên viết bằng chữ Latinh
field-certificate-name-native = Tên viết bằng chữ viết của bạn (không bắt buộc)
field-organisation = Cơ quan, tổ chức
field-organisation-type = Loại hình tổ chức
field-country = Quốc gia
field-position = Chức vụ
field-preferred-language = Ngôn ngữ của trang web và email
field-time-zone = Múi giờ

hint-password = Ít nhất 10 ký tự. Tránh dùng các mật khẩu phổ biến.
hint-certificate-name = Vui lòng nhập tên đúng như cần in, ví dụ "Nguyen Van Minh" bằng chữ Latinh và "Nguyễn Văn Minh" bằng chữ viết của bạn.

choose-none = — Không cung cấp —
choose-browser-language = Giống trình duyệt của tôi

role-participant = Học viên
role-coordinator = Điều phối viên
role-admin = Quản trị viên

org-type-city-government = Chính quyền thành phố hoặc địa phương
org-type-stp = Công viên khoa học và công nghệ
org-type-university = Trường đại học
org-type-research-institute = Viện nghiên cứu
org-type-company = Doanh nghiệp
org-type-ngo = Tổ chức phi chính phủ
org-type-international-organisation = Tổ chức quốc tế

region-africa = Châu Phi
region-arab-states = Các quốc gia Ả Rập
region-asia-pacific = Châu Á - Thái Bình Dương
region-europe-north-america = Châu Âu và Bắc Mỹ
region-latin-america-caribbean = Mỹ Latinh và Caribe

flash-welcome = Chào mừng { $name }!
flash-signed-up = Tài khoản của bạn đã sẵn sàng. Vui lòng hoàn thiện hồ sơ.
flash-logged-out = Bạn đã đăng xuất.
flash-logged-out-everywhere = Bạn đã đăng xuất trên mọi thiết bị. Vui lòng đăng nhập lại.
flash-password-changed = Mật khẩu của bạn đã được thay đổi. Các thiết bị khác đã được đăng xuất.
flash-password-reset = Mật khẩu mới của bạn đã được lưu. Bây giờ bạn có thể đăng nhập.
flash-profile-saved = Hồ sơ của bạn đã được lưu.
flash-role-changed = Vai trò đã được thay đổi.
flash-account-updated = Tài khoản đã được cập nhật.

status-400 = Yêu cầu không hợp lệ
status-401 = Vui lòng đăng nhập
status-403 = Không được phép
status-404 = Không tìm thấy trang
status-413 = Dữ liệu quá lớn
status-422 = Vui lòng kiểm tra thông tin đã nhập
status-429 = Quá nhiều lần thử
status-500 = Đã xảy ra lỗi
status-503 = Tạm thời không khả dụng
error-back-home = Quay lại trang chủ

err-bad-request = Không thể hiểu được yêu cầu.
err-unauthenticated = Vui lòng đăng nhập để tiếp tục.
err-forbidden = Bạn không được phép thực hiện thao tác này.
err-csrf = Biểu mẫu này đã hết hạn hoặc không được gửi từ trang web này. Vui lòng quay lại, tải lại trang và gửi lại.
err-not-found = Chúng tôi không tìm thấy trang này.
err-too-large = Dữ liệu bạn gửi quá lớn.
err-unprocessable = Không thể đọc được một phần dữ liệu bạn gửi. Vui lòng kiểm tra và thử lại.
err-throttled = Có quá nhiều lần thử không thành công. Vui lòng chờ một phút rồi thử lại.
err-unavailable = Dịch vụ tạm thời không khả dụng. Vui lòng thử lại sau vài phút.
err-internal = Đã xảy ra lỗi từ phía chúng tôi. Vui lòng thử lại sau.
err-invalid-input = Vui lòng sửa các trường được đánh dấu.
err-json-required = Hãy gửi nội dung yêu cầu dưới dạng JSON với tiêu đề Content-Type: application/json.
err-form-has-errors = Vui lòng sửa các trường được đánh dấu bên dưới.
err-login-failed = Địa chỉ email hoặc mật khẩu không đúng.
err-email-required = Vui lòng nhập địa chỉ email.
err-email-invalid = Địa chỉ email không hợp lệ. Ví dụ về địa chỉ hợp lệ: name@example.org.
err-email-taken = Đã có tài khoản sử dụng địa chỉ email này. Vui lòng đăng nhập hoặc đặt lại mật khẩu.
err-password-short = Mật khẩu phải có ít nhất 10 ký tự.
err-password-long = Mật khẩu chỉ được có tối đa 256 ký tự.
err-password-common = Mật khẩu này quá dễ đoán. Vui lòng chọn mật khẩu khác.
err-password-mismatch = Hai mật khẩu không khớp nhau.
err-password-current-wrong = Mật khẩu hiện tại không đúng.
err-reset-token-invalid = Liên kết này không còn hiệu lực: liên kết đã hết hạn hoặc đã được sử dụng.
err-name-required = Vui lòng nhập tên.
err-name-control = Tên có chứa ký tự không thể in được.
err-name-too-long = Tên chỉ được có tối đa 120 ký tự.
err-name-no-letters = Tên phải có chữ cái.
err-name-not-latin = Vui lòng dùng chữ Latinh ở đây; hãy dùng trường tiếp theo cho chữ viết của bạn.
err-text-control = Văn bản có chứa ký tự không thể in được.
err-text-too-long = Văn bản chỉ được có tối đa 200 ký tự.
err-role-unknown = Vai trò không xác định. Vui lòng chọn học viên, điều phối viên hoặc quản trị viên.
err-organisation-type-unknown = Vui lòng chọn loại hình tổ chức trong danh sách.
err-country-unknown = Vui lòng chọn quốc gia trong danh sách.
err-language-unknown = Vui lòng chọn ngôn ngữ trong danh sách.
err-time-zone-unknown = Vui lòng chọn múi giờ trong danh sách, ví dụ Asia/Seoul.
err-last-admin = Không thể bỏ vai trò quản trị viên hoặc vô hiệu hóa tài khoản của quản trị viên cuối cùng.

mail-reset-subject = Đặt mật khẩu mới cho WTA Academy
mail-reset-body =
    Kính gửi { $name },

    Có người (có thể là bạn) đã yêu cầu đặt mật khẩu mới cho tài khoản WTA Academy của bạn.
    Vui lòng mở liên kết này trong vòng { $minutes } phút để đặt mật khẩu:

    { $link }

    Nếu bạn không yêu cầu việc này, bạn có thể bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.

    WTA Academy

## Danh mục và các khóa
nav-catalogue = Danh mục
nav-my-learning = Học tập của tôi
nav-manage-editions = Các khóa
catalogue-title = Chương trình và các khóa
catalogue-lead = Hội thảo Tập huấn Quốc tế UNESCO-WTA và Diễn đàn Đổi mới Sáng tạo Toàn cầu: hãy tìm một khóa, xem khóa học và lịch trình của khóa, và đăng ký tham gia khi khóa đang nhận đăng ký.
catalogue-current = Các khóa đang diễn ra và sắp tới
catalogue-past = Các khóa đã qua
catalogue-none-current = Hiện chưa có khóa nào được lên kế hoạch.
catalogue-empty = Chưa có chương trình nào.
catalogue-applications-open = Đang nhận đăng ký
phase-upcoming = Sắp diễn ra
phase-running = Đang diễn ra
phase-past = Đã kết thúc
mode-on-site = Trực tiếp
mode-online = Trực tuyến
mode-blended = Kết hợp (trực tuyến và trực tiếp)
admission-open = Tự do: mọi người đăng ký đều được nhận cho đến khi hết chỗ
admission-reviewed = Xét duyệt: điều phối viên tuyển chọn học viên
edition-dates = Thời gian
edition-place = Địa điểm
edition-mode = Hình thức
edition-capacity = Số chỗ
edition-languages = Ngôn ngữ làm việc
edition-admission = Hình thức tuyển chọn
edition-applications = Đăng ký
edition-applications-open-until = Nhận đăng ký đến
edition-applications-window = Thời gian nhận đăng ký:
edition-applications-closed = Khóa này đã ngừng nhận đăng ký.
edition-apply-hint = Hãy đăng nhập bằng tài khoản của bạn để đăng ký; điều phối viên sẽ xác nhận từng suất tham gia qua email.
edition-calendar = Thêm lịch trình vào lịch của bạn (iCalendar)
edition-course = Khóa học
edition-sequential = Các bài học được mở lần lượt: hãy hoàn thành một bài học để mở bài tiếp theo.
edition-timetable = Lịch trình
edition-times-in = Thời gian được hiển thị theo múi giờ của khóa, { $zone }.
edition-times-both = Thời gian được hiển thị theo múi giờ của khóa, { $zone }, và bên dưới theo múi giờ của bạn, { $viewer }.
edition-no-sessions = Chưa có buổi học nào được lên lịch.
edition-trainers = Giảng viên
edition-no-trainers = Chưa có giảng viên nào được phân công.
edition-manage-sessions = Quản lý buổi học
edition-edit = Chỉnh sửa khóa
edition-clone = Sao chép sang khóa mới
session-kind-lecture = Bài giảng
session-kind-workshop = Hội thảo chuyên đề
session-kind-site-visit = Tham quan thực tế
session-kind-panel = Tọa đàm
session-online = Tham gia trực tuyến

## Học tập
module-lesson-count = { $count ->
   *[other] { $count } bài học
}
module-outcomes = Những gì bạn sẽ làm được
module-lessons = Bài học
module-self-check = Tự kiểm tra
module-show-answer = Xem đáp án
module-further-reading = Tài liệu đọc thêm
module-enrol-to-read = Bài học đầu tiên của mỗi học phần được mở cho tất cả mọi người. Học viên của khóa được đọc tất cả các bài học.
lesson-minutes = { $minutes } phút
lesson-shown-in = hiển thị bằng ngôn ngữ "{ $language }": chưa có bản dịch
lesson-outcomes = Trong bài học này
lesson-done = Đã hoàn thành
lesson-locked = Chưa mở
lesson-preview = Xem trước
lesson-preview-hint = Bài học này được xem trước miễn phí. Hãy đăng ký tham gia khóa để theo học toàn bộ khóa học.
lesson-mark-done = Đánh dấu là đã hoàn thành
lesson-mark-undone = Đánh dấu là chưa hoàn thành
lesson-nav = Bài học trước và bài học sau
lesson-note-title = Ghi chú từ giảng viên của khóa này
lesson-note-edit = Ghi chú cho học viên của khóa này
lesson-note-hint = Chỉ hiển thị bên dưới bài học cho những người thuộc khóa này. Có thể dùng Markdown; để trống nếu muốn xóa ghi chú.
lesson-note-save = Lưu ghi chú
progress-count = Đã hoàn thành { $done }/{ $total } bài học
progress-course = Tiến độ khóa học
progress-module = Tiến độ học phần
my-title = Học tập của tôi
my-none = Bạn chưa tham gia khóa nào.
my-continue = Tiếp tục
my-role-participant = Học viên
my-role-trainer = Giảng viên
my-calendar-title = Lịch cá nhân của bạn
my-calendar-text = Một đường liên kết riêng tư chứa các buổi học của tất cả các khóa bạn tham gia; ứng dụng lịch sẽ tự động cập nhật và hiển thị các thay đổi. Hãy tạo lại liên kết nếu bạn lỡ chia sẻ nó: liên kết cũ sẽ ngừng hoạt động.
my-calendar-create = Tạo liên kết lịch của tôi
my-calendar-renew = Tạo lại liên kết
flash-lesson-done = Bài học đã được đánh dấu là đã hoàn thành.
flash-lesson-undone = Bài học đã được đánh dấu là chưa hoàn thành.
flash-note-saved = Ghi chú đã được lưu.
flash-calendar-link = Liên kết lịch của bạn đã sẵn sàng.

## Quản lý khóa và buổi học
manage-editions-title = Các khóa
manage-editions-new = Khóa mới
manage-edition-form-title = Khóa
manage-actions = Thao tác
manage-save = Lưu
manage-clone-explain = Bản sao có cùng khóa học, buổi học và thiết lập. Mọi ngày đều được dời đi cùng một số ngày theo ngày đầu tiên mới; giờ của các buổi học được giữ nguyên. Thời gian nhận đăng ký để trống và giảng viên cần được phân công lại.
manage-trainer-email = Email tài khoản của giảng viên
manage-trainer-add = Phân công làm giảng viên
manage-trainer-remove = Gỡ bỏ
manage-sessions-title = Buổi học
manage-session-new = Buổi học mới
manage-session-edit = Chỉnh sửa
manage-session-delete = Xóa buổi học này
field-program = Chương trình
field-slug = Tên ngắn trong địa chỉ
hint-slug = Chữ thường, chữ số và dấu gạch ngang, ví dụ itw-2028.
field-number = Số thứ tự khóa
field-edition-title = Tiêu đề
field-theme = Chủ đề
field-summary = Tóm tắt
field-starts-on = Ngày đầu tiên
field-ends-on = Ngày cuối cùng
field-venue = Địa điểm tổ chức
field-city = Thành phố
field-applications-open = Mở nhận đăng ký
field-applications-close = Đóng nhận đăng ký
hint-application-window = Giờ theo múi giờ của khóa. Để trống cả hai trường nếu chưa mở nhận đăng ký.
field-sequential = Mở bài học lần lượt
field-session-title = Tiêu đề
field-session-kind = Loại
field-session-starts = Bắt đầu
field-session-ends = Kết thúc
field-room = Phòng hoặc điểm hẹn
field-online-url = Liên kết trực tuyến
field-session-module = Học phần
flash-edition-saved = Khóa đã được lưu.
flash-edition-cloned = Khóa mới đã được tạo. Hãy kiểm tra thông tin chi tiết và mở nhận đăng ký khi đã sẵn sàng.
flash-trainer-added = Giảng viên đã được phân công.
flash-trainer-removed = Giảng viên đã được gỡ khỏi khóa này.
flash-session-saved = Buổi học đã được lưu.
flash-session-deleted = Buổi học đã được xóa.
err-slug-invalid = Hãy dùng từ 2 đến 60 ký tự gồm chữ thường, chữ số và dấu gạch ngang, bắt đầu bằng chữ cái hoặc chữ số.
err-slug-taken = Tên ngắn này đã được một khóa khác sử dụng.
err-number-invalid = Vui lòng nhập một số nguyên từ 1 trở lên.
err-number-taken = Chương trình này đã có một khóa mang số thứ tự này.
err-title-required = Vui lòng nhập tiêu đề.
err-long-text-too-long = Văn bản này quá dài (tối đa 4.000 ký tự).
err-date-invalid = Vui lòng nhập ngày theo định dạng YYYY-MM-DD.
err-datetime-invalid = Vui lòng nhập ngày và giờ theo định dạng YYYY-MM-DD HH:MM.
err-end-before-start = Thời điểm kết thúc phải sau thời điểm bắt đầu.
err-capacity-invalid = Vui lòng nhập số chỗ từ 1 trở lên.
err-mode-unknown = Vui lòng chọn trực tiếp, trực tuyến hoặc kết hợp.
err-admission-unknown = Vui lòng chọn hình thức tuyển chọn tự do hoặc xét duyệt.
err-languages-required = Vui lòng chọn ít nhất một ngôn ngữ làm việc.
err-url-invalid = Vui lòng nhập địa chỉ web đầy đủ, bắt đầu bằng https://.
err-session-kind-unknown = Vui lòng chọn bài giảng, hội thảo chuyên đề, tham quan thực tế hoặc tọa đàm.
err-session-outside-edition = Buổi học phải diễn ra trong khoảng từ ngày đầu tiên đến ngày cuối cùng của khóa.
err-sessions-outside-dates = Một số buổi học sẽ nằm ngoài khoảng thời gian này: hãy dời hoặc xóa các buổi học đó trước.
err-program-unknown = Vui lòng chọn một chương trình.
err-module-unknown = Một trong các học phần đã chọn không tồn tại.
err-module-not-in-course = Học phần này không thuộc khóa học được giảng dạy trong khóa này.
err-trainer-unknown = Vui lòng chọn giảng viên trong số những người đã được phân công cho khóa này.
err-trainer-no-account = Không có tài khoản nào dùng email này. Giảng viên cần đăng ký tài khoản trước.
err-lesson-locked = Bài học này sẽ được mở khi bạn hoàn thành các bài học trước đó.
err-progress-participants-only = Chỉ học viên của khóa mới được ghi nhận tiến độ học tập.

## Đăng ký tham gia
mail-signature = WTA Academy
mail-enrollment-note = Lời nhắn từ điều phối viên:
mail-enrollment-received-subject = Đã nhận đơn đăng ký: { $edition }
mail-enrollment-received-body =
    Kính gửi { $name },

    Chúng tôi đã nhận được đơn đăng ký tham gia { $edition } của bạn. Điều phối viên xem xét từng đơn đăng ký và sẽ gửi thư thông báo quyết định cho bạn.

    Bạn có thể theo dõi đơn đăng ký của mình tại đây: { $link }
mail-enrollment-accepted-subject = Bạn đã được nhận: { $edition }
mail-enrollment-accepted-body =
    Kính gửi { $name },

    Chúng tôi vui mừng xác nhận suất tham gia { $edition } của bạn. Từ bây giờ, bạn đã có thể truy cập khóa học và lịch trình.

    Đơn đăng ký của bạn: { $link }
mail-enrollment-waitlisted-subject = Bạn có tên trong danh sách chờ: { $edition }
mail-enrollment-waitlisted-body =
    Kính gửi { $name },

    Hiện tại { $edition } đã hết chỗ, vì vậy bạn được đưa vào danh sách chờ, ở vị trí số { $position }. Khi có chỗ trống, chỗ đó sẽ được mời qua email cho người đứng đầu danh sách.

    Đơn đăng ký của bạn: { $link }
mail-enrollment-offered-subject = Bạn được mời nhận một chỗ: { $edition }
mail-enrollment-offered-body =
    Kính gửi { $name },

    Một chỗ trong { $edition } vừa trống và được dành cho bạn. Vui lòng nhận chỗ trước { $deadline }; sau thời hạn này, chỗ sẽ được chuyển cho người tiếp theo trong danh sách chờ.

    Nhận hoặc từ chối tại đây: { $link }
mail-enrollment-expired-subject = Lời mời nhận chỗ đã hết hạn: { $edition }
mail-enrollment-expired-body =
    Kính gửi { $name },

    Chỗ trong { $edition } dành cho bạn đã không được nhận kịp thời hạn và đã được chuyển cho người tiếp theo trong danh sách chờ.

    Đơn đăng ký của bạn: { $link }
mail-enrollment-rejected-subject = Đơn đăng ký của bạn: { $edition }
mail-enrollment-rejected-body =
    Kính gửi { $name },

    Cảm ơn bạn đã đăng ký tham gia { $edition }. Chúng tôi rất tiếc vì lần này không thể dành cho bạn một chỗ.

    Đơn đăng ký của bạn: { $link }
mail-enrollment-withdrawn-subject = Đơn đăng ký của bạn đã được rút: { $edition }
mail-enrollment-withdrawn-body =
    Kính gửi { $name },

    Đơn đăng ký tham gia { $edition } của bạn đã được rút. Nếu đây là nhầm lẫn, vui lòng viết thư cho điều phối viên.

    Đơn đăng ký của bạn: { $link }
mail-digest-subject = Đơn đăng ký mới hôm nay
mail-digest-intro = Các đơn đăng ký mới trong 24 giờ qua:
err-certificate-name-required = Vui lòng nhập tên của bạn bằng chữ Latinh, đúng như cần in trên chứng chỉ.
err-organisation-required = Vui lòng nhập cơ quan, tổ chức của bạn.
err-organisation-type-required = Vui lòng chọn loại hình tổ chức của bạn.
err-country-required = Vui lòng chọn quốc gia của bạn.
err-motivation-required = Vui lòng cho chúng tôi biết lý do bạn đăng ký trong vài câu.
err-motivation-too-long = Văn bản này quá dài (tối đa 2.000 ký tự).
err-already-applied = Bạn đã đăng ký tham gia khóa này rồi.
err-applications-closed = Khóa này hiện không nhận đăng ký.
err-edition-full = Khóa này đã hết chỗ: không nhận thêm đơn đăng ký.
err-application-locked = Đơn đăng ký này không thể thay đổi được nữa.
err-cannot-withdraw = Không thể rút đơn đăng ký này.
err-no-offer = Không có lời mời nhận chỗ nào đang mở để chấp nhận.
err-decision-unknown = Vui lòng chọn nhận, đưa vào danh sách chờ hoặc từ chối.
err-nothing-selected = Vui lòng chọn ít nhất một đơn đăng ký.
err-decision-not-allowed = Một trong các đơn đăng ký đã chọn không thể nhận quyết định này ở trạng thái hiện tại.
err-capacity-full = Không đủ chỗ trống. Để vượt quá số chỗ, vui lòng nêu lý do.
err-quota-full = Quốc gia này đã đạt hạn mức. Để vượt hạn mức, vui lòng nêu lý do.
err-invitation-invalid = Liên kết mời này không hợp lệ.
err-invitation-other-email = Lời mời này đã được gửi tới một địa chỉ email khác. Vui lòng đăng nhập bằng địa chỉ đó để sử dụng lời mời.
err-invitation-expired = Lời mời này đã hết hạn hoặc đã được sử dụng.
err-offer-hours-invalid = Vui lòng nhập số giờ từ 1 đến 720.
err-quota-invalid = Vui lòng nhập một số nguyên từ 1 trở lên, hoặc để trống nếu không đặt hạn mức.
field-offer-hours = Số giờ để nhận chỗ được mời
field-country-quota = Số học viên tối đa mỗi quốc gia
hint-country-quota = Để trống nếu không đặt hạn mức. Người đăng ký vượt hạn mức sẽ được đưa vào danh sách chờ.
mail-account-created-subject = Suất tham gia { $edition } của bạn: hãy đặt mật khẩu
mail-account-created-body =
    Kính gửi { $name },

    Điều phối viên đã ghi danh bạn vào { $edition } và tạo cho bạn một tài khoản trên WTA Academy.

    Vui lòng chọn mật khẩu tại đây (liên kết có hiệu lực trong { $days } ngày): { $link }

    WTA Academy
mail-invitation-subject = Lời mời đăng ký: { $edition }
mail-invitation-body =
    Xin chào,

    Điều phối viên mời bạn đăng ký tham gia { $edition }. Vui lòng đăng nhập (hoặc tạo tài khoản bằng địa chỉ email này), sau đó mở liên kết dưới đây để điền đơn đăng ký; liên kết chỉ dùng được một lần và có hiệu lực trong { $days } ngày:

    { $link }

    WTA Academy
err-csv-too-large = Tệp quá lớn (tối đa 5 MB).
err-csv-not-utf8 = Tệp không ở định dạng UTF-8. Hãy lưu tệp dưới dạng "CSV UTF-8" rồi thử lại. Dòng đầu tiên không phải UTF-8:
err-csv-empty = Tệp trống.
err-csv-header = Dòng đầu tiên phải ghi tên các cột; bắt buộc có cột email và name, và chỉ được dùng các cột có trong tệp mẫu. Cột bị thiếu (-) hoặc không xác định (+):
err-csv-unreadable = Không thể đọc tệp dưới dạng CSV tại dòng
err-csv-duplicate = Email này đã xuất hiện ở phía trên trong tệp.
err-csv-has-invalid-rows = Một số dòng không hợp lệ: hãy sửa lại rồi tải tệp lên lần nữa. Chưa có dữ liệu nào được nhập.
application-state-submitted = Đã gửi, đang chờ xét duyệt
application-state-accepted = Đã được nhận
application-state-waitlisted = Trong danh sách chờ
application-state-offered = Bạn được mời nhận một chỗ
application-state-rejected = Không được nhận
application-state-withdrawn = Đã rút
application-state-expired = Lời mời nhận chỗ đã hết hạn
application-state-completed = Đã hoàn thành
decision-accepted = Nhận
decision-waitlisted = Đưa vào danh sách chờ
decision-rejected = Từ chối
waitlist-reason-capacity = khóa đã hết chỗ
waitlist-reason-quota = đã đạt hạn mức của quốc gia
waitlist-reason-coordinator = quyết định của điều phối viên
import-status-new = tài khoản mới
import-status-existing = tài khoản đã có
import-status-enrolled = đã có trong khóa này (bỏ qua)
import-status-invalid = không hợp lệ
edition-apply = Đăng ký
edition-your-application = Đơn đăng ký của bạn
application-title = Đơn đăng ký của bạn
application-your-state = Trạng thái
application-position = Bạn đang ở vị trí số { $position } trong danh sách chờ.
application-offer-until = Vui lòng nhận chỗ được mời trước
application-accept-offer = Nhận chỗ
application-decline-offer = Từ chối chỗ
application-withdraw = Rút đơn đăng ký của tôi
application-consents = Sự đồng ý
application-save = Lưu thay đổi
application-submit = Gửi đơn đăng ký của tôi
consent-listed = Ghi tên và cơ quan, tổ chức của tôi vào danh sách học viên được chia sẻ với các học viên của khóa này.
consent-photos = Có thể công bố những bức ảnh chụp tại hội thảo có hình của tôi.
consent-contact = WTA có thể liên hệ với tôi sau hội thảo về các hoạt động tiếp theo.
field-motivation = Vì sao bạn đăng ký?
hint-motivation = Vài câu về công việc của bạn và những gì bạn muốn mang về (tối đa 2.000 ký tự).
flash-application-sent = Đơn đăng ký của bạn đã được gửi. Email xác nhận đang được gửi tới bạn.
flash-application-saved = Các thay đổi của bạn đã được lưu.
flash-application-withdrawn = Đơn đăng ký của bạn đã được rút.
flash-offer-accepted = Chỗ này là của bạn. Chào mừng bạn!
applications-title = Đơn đăng ký
applications-seats = Số chỗ
applications-seats-count = Đã có người nhận { $taken }/{ $capacity } chỗ (còn trống { $free } chỗ), tính cả các chỗ đang được mời.
applications-quota = Tối đa { $quota } học viên mỗi quốc gia. Số chỗ theo quốc gia:
applications-quota-full = đã đủ
applications-by-state = Theo trạng thái
applications-invite = Mời một người
applications-skip-review = Nhận không cần xét duyệt khi vẫn còn chỗ
applications-send-invitation = Gửi lời mời
applications-import = Ghi danh một danh sách học viên (CSV)
applications-state = Trạng thái
applications-region = Khu vực UNESCO
applications-all-states = Tất cả trạng thái
applications-all-regions = Tất cả khu vực
applications-all-countries = Tất cả quốc gia
applications-all-org-types = Tất cả loại hình tổ chức
applications-select = Chọn
applications-read = Đọc
applications-none = Không có đơn đăng ký nào phù hợp.
applications-decide = Quyết định cho các đơn đăng ký đã chọn
applications-decision = Quyết định
applications-message = Lời nhắn gửi người đăng ký (không bắt buộc, được thêm vào email)
applications-override = Lý do vượt quá số chỗ hoặc hạn mức
hint-override = Chỉ cần khi nhận nhiều người hơn số chỗ hiện có; lý do được lưu trong nhật ký kiểm tra.
applications-apply-decision = Áp dụng quyết định
flash-decision-saved = Quyết định đã được ghi nhận và người đăng ký đã được thông báo qua email.
flash-invitation-sent = Lời mời đã được gửi.
flash-import-done = Đã nhập: tạo { $created } tài khoản, ghi danh { $enrolled } người, { $waitlisted } người vào danh sách chờ, { $skipped } người đã có trong khóa.
import-title = Ghi danh một danh sách học viên
import-explain = Tải lên một tệp CSV (UTF-8, phân tách bằng dấu phẩy hoặc dấu chấm phẩy). Bạn sẽ xem trước từng dòng; không có dữ liệu nào được ghi cho đến khi bạn xác nhận. Những người chưa có tài khoản sẽ được tạo tài khoản, kèm một email để đặt mật khẩu; những người đã có trong khóa sẽ được bỏ qua.
import-template = Tải tệp mẫu
import-file = Tệp CSV
import-preview = Kiểm tra tệp
import-preview-title = Kiểm tra trước khi nhập
import-counts = { $new } tài khoản mới, { $existing } tài khoản đã có, { $enrolled } người đã có trong khóa, { $invalid } dòng không hợp lệ.
import-confirm = Nhập các học viên này
import-line = Dòng
import-status = Kết quả
import-problems = Vấn đề
application-questions = Câu hỏi của điều phối viên
err-answer-required = Vui lòng trả lời câu hỏi này.
err-answer-too-long = Câu trả lời quá dài.
err-answer-choice = Hãy chọn một trong các câu trả lời có sẵn.
err-question-kind = Hãy chọn văn bản ngắn, văn bản dài hoặc một lựa chọn.
err-question-label = Hãy nhập câu hỏi (tối đa 200 ký tự).
err-question-choices = Hãy liệt kê ít nhất hai lựa chọn, mỗi dòng một lựa chọn.
question-kind-short = văn bản ngắn
question-kind-long = văn bản dài
question-kind-choice = một lựa chọn
questions-title = Câu hỏi bổ sung trong đơn đăng ký
questions-none = Không có câu hỏi bổ sung.
questions-label = Câu hỏi
questions-kind = Loại câu trả lời
questions-choices = Các lựa chọn, mỗi dòng một lựa chọn (cho loại "một lựa chọn")
questions-required = bắt buộc
questions-add = Thêm câu hỏi
questions-remove = Xóa
flash-question-added = Câu hỏi đã được thêm vào đơn đăng ký.
flash-question-removed = Câu hỏi đã được xóa.
err-file-name = Tên tệp không được chứa dấu gạch chéo, ".." hoặc ký tự điều khiển.
err-file-empty = Tệp trống.
err-file-too-large = Tệp lớn hơn giới hạn tải lên.
err-file-unreadable = Việc tải lên bị gián đoạn. Vui lòng thử lại.
err-file-missing = Hãy chọn một tệp để tải lên.
err-file-type = Loại tệp này không được chấp nhận. Hãy tải lên PDF, tài liệu văn phòng, hình ảnh, âm thanh, video, zip, CSV hoặc văn bản thuần.
err-storage-unavailable = Hiện không thể lưu tệp. Vui lòng thử lại sau vài phút; chưa có gì bị thay đổi.
err-visibility-unknown = Hãy chọn ai được xem tài liệu này.
err-session-unknown = Buổi học này không thuộc khóa.
materials-title = Tài liệu
materials-manage = Quản lý tài liệu
materials-upload = Thêm tệp
materials-visibility = Ai được xem
materials-file = Tệp
materials-hint = PDF, tài liệu văn phòng, hình ảnh, âm thanh, video, zip, CSV hoặc văn bản; tối đa { $max } MB.
materials-upload-button = Tải lên
materials-version = phiên bản { $version }
materials-versions = Các phiên bản trước
materials-current = hiện tại
materials-restore = Khôi phục
materials-replace = Thay bằng phiên bản mới
materials-replace-button = Tải lên phiên bản mới
materials-delete = Xóa
materials-none = Chưa có tài liệu.
materials-updated = cập nhật ngày { $date }
visibility-public = Mọi người
visibility-participants = Học viên của khóa này
visibility-trainers = Chỉ giảng viên
material-kind-pdf = PDF
material-kind-zip = Tệp nén ZIP
material-kind-csv = Bảng CSV
material-kind-text = Văn bản
material-kind-document = Tài liệu văn bản
material-kind-spreadsheet = Bảng tính
material-kind-slides = Bài trình chiếu
material-kind-image = Hình ảnh
material-kind-video = Video
material-kind-audio = Âm thanh
material-kind-file = Tệp
materials-attach = Gắn với
materials-attach-edition = Toàn bộ khóa
materials-attach-modules = Học phần và bài học
materials-attach-sessions = Buổi học trực tiếp
materials-general = Cho toàn bộ khóa
materials-module = Học phần: { $title }
materials-session = Buổi học: { $title }
materials-lesson = bài học “{ $title }”
materials-uploading = Đang tải lên… { $percent }%
materials-upload-failed = Việc tải lên chưa hoàn tất. Hãy kiểm tra kết nối và thử lại.
err-lesson-not-in-course = Bài học này không thuộc chương trình của khóa.
flash-material-saved = Tệp đã được lưu.
flash-material-deleted = Tài liệu đã được xóa.
